/** Executes the multi-turn flows declared in the knowledge base; their position lives in the conversation row. */
import type { Lang } from '@kefu/shared';
import type { Flow, KnowledgeBase, Matcher, MatchResult } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import type { ConversationRecord, FlowState } from '../storage/storage.ts';
import { isCancel, normaliseReply } from '../conversation/cancel-words.ts';
import { TEXTS, fill, t } from '../conversation/texts.ts';
import { runFlowAction } from './flow-actions.ts';
import { localized } from './localize.ts';
import type { TurnReply } from './turn-reply.ts';


function testPattern(pattern: string | undefined, value: string, log: KefuContext['log']): boolean {
  if (!pattern) return value.length > 0;
  try {
    return new RegExp(pattern, 'i').test(value);
  } catch (err) {
    log.warn(`flow pattern ${pattern} is not a valid regular expression; accepting the reply`, err);
    return true;
  }
}

/** Runs steps from `state.step` until the flow needs input (an ask, stored with its prompt) or ends. */
async function advance(ctx: KefuContext, reply: TurnReply, conv: ConversationRecord, flow: Flow, state: FlowState, lang: Lang): Promise<void> {
  for (;;) {
    const step = flow.steps[state.step];
    if (!step) {
      if (conv.flow) await ctx.storage.updateConversation(conv.id, { flow: null }, ctx.now());
      return;
    }
    if ('ask' in step) {
      await reply.post(conv, { text: localized(step.prompt, lang), patch: { flow: state } });
      return;
    }
    const { outcome, values } = await runFlowAction(ctx, conv, step.action, state.slots, lang);
    const template = step.reply[outcome];
    const text = template ? fill(localized(template, lang), values) : Object.values(values).join(' ');
    conv = await reply.post(conv, { text });
    state = { ...state, step: state.step + 1 };
  }
}

/** Starts a flow by id; an unknown id is logged and ignored (the answer was already given). */
export async function startFlow(
  ctx: KefuContext,
  reply: TurnReply,
  conv: ConversationRecord,
  kb: KnowledgeBase,
  flowId: string,
  lang: Lang,
): Promise<void> {
  const flow = kb.flows.find((f) => f.id === flowId);
  if (!flow) {
    ctx.log.warn(`entry refers to unknown flow ${flowId}`);
    return;
  }
  await advance(ctx, reply, conv, flow, { flowId, step: 0, slots: {} }, lang);
}

/**
 * Feeds a visitor reply to the flow the conversation is in. `handled` = the flow consumed it;
 * `leave` = the visitor moved on (handoff, or a confident answer to something else): the caller
 * clears the flow with its own reply and treats the text as a normal question.
 */
export async function continueFlow(
  ctx: KefuContext,
  reply: TurnReply,
  conv: ConversationRecord & { flow: FlowState },
  kb: KnowledgeBase,
  matcher: Matcher,
  text: string,
  lang: Lang,
): Promise<{ result: 'handled' } | { result: 'leave'; match?: MatchResult }> {
  const flow = kb.flows.find((f) => f.id === conv.flow.flowId);
  const step = flow?.steps[conv.flow.step];
  if (!flow || !step || !('ask' in step)) return { result: 'leave' };
  const answer = normaliseReply(text);
  if (isCancel(answer)) {
    await reply.post(conv, { text: t(TEXTS.flowCancelled, lang), patch: { flow: null } });
    return { result: 'handled' };
  }
  const match = matcher.match(text, { lang });
  if (match.decision === 'handoff') return { result: 'leave', match };
  if (testPattern(step.pattern, answer, ctx.log)) {
    // Kept as typed (a ticket's description is the customer's own words); the normalised form only
    // where the typed one does not pass (full-width digits in a phone number).
    const typed = text.trim();
    const slots = { ...conv.flow.slots, [step.ask]: testPattern(step.pattern, typed, ctx.log) ? typed : answer };
    await advance(ctx, reply, conv, flow, { flowId: flow.id, step: conv.flow.step + 1, slots }, lang);
    return { result: 'handled' };
  }
  if (match.decision === 'answer' && match.entry?.flow !== flow.id) return { result: 'leave', match };
  await reply.post(conv, { text: localized(step.invalid ?? step.prompt, lang) });
  return { result: 'handled' };
}
