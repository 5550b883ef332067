/**
 * 工单时效 / Ticket service levels on 报表 / Reports: how the tickets created in the period were served (the figures
 * the service commitments speak of: mean first response, mean resolution, first-line resolution, the share of SLA
 * clocks kept), overall and per tier.
 */
import { TICKET_TIER_LABELS, type TicketReport, type TicketServiceLevels } from '@kefu/shared';
import { formatDuration } from '../format/format-duration.ts';
import { formatShare } from '../format/format-share.ts';
import { useI18n } from './i18n-context.ts';
import { ReportFigures, ReportTable } from './report-parts.tsx';

/** Share of finished clocks that kept their promise ("95%"); null when none finished. */
const slaMet = (l: TicketServiceLevels): string | null => formatShare(l.clocksMet, l.clocksMet + l.clocksMissed);
/** Share of resolved tickets solved without escalation ("67%"); null when none is resolved. */
const firstLine = (l: TicketServiceLevels): string | null => formatShare(l.firstLine, l.resolved);

export function TicketLevelsCard({ report }: { report: TicketReport }) {
  const { t, lang } = useI18n();
  const span = (ms: number | null) => (ms === null ? t('rtNoValue') : formatDuration(lang, ms));
  const met = (l: TicketServiceLevels) => slaMet(l) ?? t('rtNoValue');
  const solved = (l: TicketServiceLevels) => firstLine(l) ?? t('rtNoValue');
  const { all } = report;
  return (
    <section class="card rt-card" aria-labelledby="rt-levels">
      <h3 id="rt-levels">{t('rtLevels')}</h3>
      <p class="muted">{t('rtLevelsHint')}</p>
      {all.created === 0 ? (
        <p>{t('rtNoTickets')}</p>
      ) : (
        <>
          <p class="rt-overall">{t('rtCreated', { created: all.created, resolved: all.resolved })}</p>
          <ReportFigures
            items={[
              [t('rtFirstResponse'), span(all.firstResponseMs)],
              [t('rtResolution'), span(all.resolutionMs)],
              [t('rtFirstLine'), solved(all)],
              [t('rtSlaMet'), slaMet(all) === null ? t('rtNoValue') : t('rtSlaMetValue', { rate: met(all), met: all.clocksMet, missed: all.clocksMissed })],
            ]}
          />
          <ReportTable
            caption={t('rtByTier')}
            head={[t('rtTier'), t('rtNew'), t('rtResolved'), t('rtFirstResponse'), t('rtResolution'), t('rtFirstLine'), t('rtSlaMet')]}
            rows={report.byTier.map((r) => ({
              key: r.tier,
              cells: [TICKET_TIER_LABELS[r.tier][lang], r.created, r.resolved, span(r.firstResponseMs), span(r.resolutionMs), solved(r), met(r)],
            }))}
          />
        </>
      )}
    </section>
  );
}
