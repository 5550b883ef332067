/**
 * What deserves the agent's attention between two console states: a visitor who newly joined the
 * queue, and a new visitor message in one of my conversations that is not on screen (or any while
 * the tab is hidden). Pure, so the triggers are unit-tested; the UI turns each alert into a sound,
 * a desktop notification and the tab title's count.
 */
import type { ConsoleState } from './console-state.ts';

export type AttentionAlert =
  | { kind: 'queued'; conversationId: string; visitorName: string; text?: string }
  | { kind: 'message'; conversationId: string; visitorName: string; text: string };

/** Alerts for what changed from `prev` to `next`; none for the state a (re)connect starts from. */
export function attentionAlerts(prev: ConsoleState, next: ConsoleState): AttentionAlert[] {
  // The first hello fills the queue with visitors who were already waiting: that is not news.
  if (!prev.greeted || prev === next) return [];
  const alerts: AttentionAlert[] = [];
  const waiting = new Set(prev.queue.map((s) => s.id));
  for (const s of next.queue) {
    if (!waiting.has(s.id)) alerts.push({ kind: 'queued', conversationId: s.id, visitorName: s.visitorName, text: s.lastMessage });
  }
  for (const id of next.mine) {
    const before = prev.conversations[id];
    const after = next.conversations[id];
    // The reducer counts unread only for messages off screen or behind a hidden tab: a rise is news.
    if (!before || !after || after.unread <= before.unread) continue;
    const said = after.messages.findLast((m) => m.author === 'visitor' && !before.messages.some((b) => b.id === m.id));
    if (said) alerts.push({ kind: 'message', conversationId: id, visitorName: after.summary.visitorName, text: said.text });
  }
  return alerts;
}
