/** Prometheus text exposition, written by hand: a few counters kept in process and gauges read from storage. */
import { CONVERSATION_STATES, type BotDecision } from '@kefu/shared';
import type { SharedCounters } from '../cluster/redis-counters.ts';
import type { Storage } from '../storage/storage.ts';

export interface Metrics {
  botDecision(kind: BotDecision): void;
  render(storage: Storage): Promise<string>;
}

/**
 * `shared` (Redis, with several nodes): bot decisions are counted across all nodes, so a scrape of
 * any node shows the deployment's totals; while Redis cannot answer, this process's own counts are shown.
 */
export function createMetrics(shared?: SharedCounters): Metrics {
  const decisions: Record<BotDecision, number> = { answer: 0, suggest: 0, decline: 0, handoff: 0 };
  return {
    botDecision(kind) {
      decisions[kind] += 1;
      shared?.increment(kind);
    },
    async render(storage) {
      const [byState, messages, queue, totals] = await Promise.all([
        storage.countConversationsByState(),
        storage.countMessages(),
        storage.listQueue(),
        shared ? shared.read().catch(() => undefined) : undefined,
      ]);
      const counted: Record<string, number> = totals ? { answer: 0, suggest: 0, decline: 0, handoff: 0, ...totals } : decisions;
      const lines = [
        '# HELP kefu_conversations Conversations by state.',
        '# TYPE kefu_conversations gauge',
        ...CONVERSATION_STATES.map((s) => `kefu_conversations{state="${s}"} ${byState[s] ?? 0}`),
        '# HELP kefu_messages_total Messages stored.',
        '# TYPE kefu_messages_total counter',
        `kefu_messages_total ${messages}`,
        totals ? '# HELP kefu_bot_decisions_total Bot decisions on all nodes (kept in Redis).' : '# HELP kefu_bot_decisions_total Bot decisions since this process started.',
        '# TYPE kefu_bot_decisions_total counter',
        ...Object.entries(counted).map(([k, n]) => `kefu_bot_decisions_total{decision="${k}"} ${n}`),
        '# HELP kefu_queue_length Conversations waiting for an agent.',
        '# TYPE kefu_queue_length gauge',
        `kefu_queue_length ${queue.length}`,
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
