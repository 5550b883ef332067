/** Prometheus text exposition, written by hand: a few counters kept in process and gauges read from storage. */
import { CONVERSATION_STATES, type BotDecision } from '@kefu/shared';
import type { Storage } from '../storage/storage.ts';

export interface Metrics {
  botDecision(kind: BotDecision): void;
  render(storage: Storage): Promise<string>;
}

export function createMetrics(): Metrics {
  const decisions: Record<BotDecision, number> = { answer: 0, suggest: 0, decline: 0, handoff: 0 };
  return {
    botDecision(kind) {
      decisions[kind] += 1;
    },
    async render(storage) {
      const [byState, messages, queue] = await Promise.all([
        storage.countConversationsByState(),
        storage.countMessages(),
        storage.listQueue(),
      ]);
      const lines = [
        '# HELP kefu_conversations Conversations by state.',
        '# TYPE kefu_conversations gauge',
        ...CONVERSATION_STATES.map((s) => `kefu_conversations{state="${s}"} ${byState[s] ?? 0}`),
        '# HELP kefu_messages_total Messages stored.',
        '# TYPE kefu_messages_total counter',
        `kefu_messages_total ${messages}`,
        '# HELP kefu_bot_decisions_total Bot decisions since this process started.',
        '# TYPE kefu_bot_decisions_total counter',
        ...Object.entries(decisions).map(([k, n]) => `kefu_bot_decisions_total{decision="${k}"} ${n}`),
        '# HELP kefu_queue_length Conversations waiting for an agent.',
        '# TYPE kefu_queue_length gauge',
        `kefu_queue_length ${queue.length}`,
      ];
      return `${lines.join('\n')}\n`;
    },
  };
}
