/**
 * POST /api/kb/try: how the bot reads a question, as a new conversation would get it (small talk, the complaint form,
 * or the FAQ matcher's decision with its candidates and bars), without writing anything. Agents use it to check an
 * entry's wording before visitors meet it.
 */
import { Router } from 'express';
import { KbTrySchema, type KbTryResult } from '@kefu/shared';
import { detectLang, entryBarOf } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireRole } from '../auth/require-agent.ts';
import { readBeforeMatching } from '../bot/bot-turn.ts';
import { entryAnswer, entryQuestion } from '../bot/localize.ts';
import { parseBody } from './parse-body.ts';

export function kbTryRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.post('/try', requireRole(ctx, 'agent'), async (req, res) => {
    const { text, lang: asked } = parseBody(KbTrySchema, req.body);
    // Right after start the first load may still run.
    await ctx.kb.ready();
    const loaded = ctx.kb.current();
    if (!loaded) throw new KefuError('unavailable', 'the knowledge base is not loaded');
    const { matcher } = loaded;
    const lang = asked ?? detectLang(text);
    const thresholds = matcher.calibration.thresholds;
    const before = readBeforeMatching(text);
    let result: KbTryResult;
    if (before) result = { reading: 'smallTalk' in before ? 'small_talk' : 'complaint', lang, candidates: [], thresholds };
    else {
      const match = matcher.match(text, { lang });
      const { entryBars } = matcher.calibration;
      const candidates = match.candidates.map((c) => {
        const bar = entryBarOf(entryBars, c.id);
        return bar > 0 ? { ...c, bar } : c;
      });
      result = { reading: match.decision, lang, candidates, thresholds, ...(match.offTopic ? { offTopic: match.offTopic } : {}) };
      if (match.decision === 'answer' && match.entry) {
        result.entry = { id: match.entry.id, question: entryQuestion(match.entry, lang), answer: entryAnswer(match.entry, lang) };
      }
    }
    res.setHeader('Cache-Control', 'no-store');
    res.json(result);
  });
  return router;
}
