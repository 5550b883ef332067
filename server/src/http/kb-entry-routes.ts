/** GET /api/kb/entries?lang=zh-CN|en: every knowledge-base entry's question and answer in one language, for an agent to insert an answer. */
import { Router } from 'express';
import type { KbEntryView } from '@kefu/shared';
import { entryBarOf } from '@kefu/knowledge-base';
import type { KefuContext } from '../context.ts';
import { KefuError } from '../kefu-error.ts';
import { requireRole } from '../auth/require-agent.ts';

export function kbEntryRoutes(ctx: KefuContext): Router {
  const router = Router();
  router.get('/entries', requireRole(ctx, 'agent'), async (req, res) => {
    const lang = req.query.lang ?? 'zh-CN';
    if (lang !== 'zh-CN' && lang !== 'en') throw new KefuError('bad_request', 'lang: expected zh-CN or en');
    // Right after start the first load may still run: waiting beats answering an empty list.
    await ctx.kb.ready();
    const loaded = ctx.kb.current();
    const bars = loaded?.matcher.calibration.entryBars;
    // An entry without English falls back to its zh-CN text rather than disappearing.
    const views: KbEntryView[] = (loaded?.kb.entries ?? []).map((e) => {
      const text = lang === 'en' && e.en ? e.en : e;
      const bar = entryBarOf(bars, e.id);
      return { id: e.id, question: text.question, answer: text.answer, ...(bar > 0 ? { bar } : {}) };
    });
    res.setHeader('Cache-Control', 'no-store');
    res.json({ entries: views });
  });
  return router;
}
