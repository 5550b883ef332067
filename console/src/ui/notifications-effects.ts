/**
 * The desk's reactions to incoming state, outside the pure reducer: alerts (chime, desktop
 * notification) for a newly queued visitor or a new message off screen, the visitor's typing
 * indicator expiring on its own, and read marks for the conversation on screen.
 */
import { useEffect, useRef } from 'preact/hooks';
import type { TypingSignal } from '@kefu/shared';
import type { AgentClient, ConnectionStatus } from '../net/agent-client.ts';
import type { Translate } from '../i18n/translate.ts';
import { attentionAlerts, type AttentionAlert } from '../state/attention-alerts.ts';
import type { ConsoleAction } from '../state/console-reducer.ts';
import type { ConsoleState } from '../state/console-state.ts';
import { playChime, showDesktop, unlockAudio } from './notifications.ts';

/** A typing indicator with no news for this long goes away (the sender repeats every 2 s while typing). */
export const TYPING_EXPIRES_MS = 6_000;
/** Desktop notifications shown for one change at most (a reconnect can bring many at once). */
const MAX_DESKTOP = 3;

export interface DeskSignalsInput {
  state: ConsoleState;
  dispatch(action: ConsoleAction): void;
  client: { current: AgentClient | null };
  status: ConnectionStatus;
  /** The desk page is shown (not the team or departments page). */
  deskShown: boolean;
  t: Translate;
  /** Brings a conversation on screen (a click on its desktop notification). */
  onOpen(conversationId: string): void;
}

/** Returns the handler for typing pushes; call once in the workspace. */
export function useDeskSignals({ state, dispatch, client, status, deskShown, t, onOpen }: DeskSignalsInput): (signal: TypingSignal) => void {
  const prev = useRef(state);
  const typingTimers = useRef(new Map<string, ReturnType<typeof setTimeout>>()).current;
  /** The highest mark sent per conversation since the last (re)connect. */
  const sentMarks = useRef(new Map<string, number>()).current;
  const latest = useRef({ t, onOpen });
  latest.current = { t, onOpen };

  useEffect(() => {
    const alerts = attentionAlerts(prev.current, state);
    prev.current = state;
    if (alerts.length > 0) announce(alerts, latest.current.t, latest.current.onOpen);
  }, [state]);

  useEffect(() => {
    const unlock = () => unlockAudio();
    document.addEventListener('pointerdown', unlock, { once: true });
    document.addEventListener('keydown', unlock, { once: true });
    return () => {
      document.removeEventListener('pointerdown', unlock);
      document.removeEventListener('keydown', unlock);
      for (const timer of typingTimers.values()) clearTimeout(timer);
    };
  }, []);

  useEffect(() => dispatch({ type: 'desk-shown', shown: deskShown }), [deskShown]);

  // After a reconnect the server may have restarted and forgotten marks: send them again.
  useEffect(() => {
    if (status === 'online') sentMarks.clear();
  }, [status]);

  // Read: the conversation on screen, in a visible tab, assigned to me, up to the newest message held.
  const open = state.openId ? state.conversations[state.openId] : undefined;
  const newest = open?.messages[open.messages.length - 1]?.seq ?? 0;
  const mineToRead = open?.summary.state === 'assigned' && open.summary.assignedAgentId === state.agent?.id;
  useEffect(() => {
    const id = open?.summary.id;
    const agent = client.current;
    if (!id || !agent || !mineToRead || !state.deskShown || !state.pageVisible || status !== 'online') return;
    if (newest <= Math.max(open.readSeq, sentMarks.get(id) ?? 0)) return;
    sentMarks.set(id, newest);
    void agent.read(id, newest).then((res) => {
      if (res.ok) dispatch({ type: 'read', conversationId: res.data.conversationId, seq: res.data.seq });
      else sentMarks.delete(id);
    });
  }, [open?.summary.id, newest, mineToRead, state.deskShown, state.pageVisible, status]);

  return useRef((signal: TypingSignal) => {
    const { conversationId, typing } = signal;
    clearTimeout(typingTimers.get(conversationId));
    typingTimers.delete(conversationId);
    if (typing) typingTimers.set(conversationId, setTimeout(() => dispatch({ type: 'typing', conversationId, typing: false }), TYPING_EXPIRES_MS));
    dispatch({ type: 'typing', conversationId, typing });
  }).current;
}

/** One chime per change, and a desktop notification per alert (a few at most). */
function announce(alerts: AttentionAlert[], t: Translate, onOpen: (conversationId: string) => void): void {
  playChime();
  for (const alert of alerts.slice(0, MAX_DESKTOP)) {
    const title = alert.kind === 'queued' ? t('notifyQueuedTitle', { name: alert.visitorName }) : t('notifyMessageTitle', { name: alert.visitorName });
    const body = alert.text ?? t('notifyQueuedBody');
    showDesktop(title, body.slice(0, 140), `kefu-${alert.kind}-${alert.conversationId}`, () => {
      if (alert.kind === 'message') onOpen(alert.conversationId);
    });
  }
}
