/**
 * 会话 / Chats on 报表 / Reports: how many conversations the bot handled alone, how many an agent took, became a ticket
 * or were left in the queue, per agent how many they hold and how soon they first replied, and how long visitors
 * queued for an agent, overall and per department.
 */
import type { ChatReport } from '@kefu/shared';
import { formatDuration } from '../format/format-duration.ts';
import { formatShare } from '../format/format-share.ts';
import { useI18n } from './i18n-context.ts';
import { ReportFigures, ReportTable } from './report-parts.tsx';

export function ChatLevelsCard({ report }: { report: ChatReport }) {
  const { t, lang } = useI18n();
  const span = (ms: number | null) => (ms === null ? t('rtNoValue') : formatDuration(lang, ms));
  // What no agent took, became a ticket or was left in the queue, the bot handled alone.
  const bot = report.conversations - report.served - report.ticketed - report.leftQueue;
  const share = formatShare(bot, report.conversations) ?? t('rtNoValue');
  return (
    <section class="card rt-card" aria-labelledby="rt-chats-levels">
      <h3 id="rt-chats-levels">{t('rtChatLevels')}</h3>
      <p class="muted">{t('rtChatLevelsHint')}</p>
      {report.conversations === 0 && report.waits.count === 0 ? (
        <p>{t('rtNoChats')}</p>
      ) : (
        <>
          <p class="rt-overall">{t('rtChatCounts', { conversations: report.conversations, bot, share })}</p>
          <ReportFigures
            items={[
              [t('rtServed'), report.served],
              [t('rtTicketed'), report.ticketed],
              [t('rtLeftQueue'), report.leftQueue],
              [t('rtWaitMean'), span(report.waits.meanMs)],
              [t('rtWaitLongest'), span(report.waits.longestMs)],
            ]}
          />
          <ReportTable
            caption={t('rtByAgent')}
            head={[t('rtAgent'), t('rtTaken'), t('rtFirstReply')]}
            rows={report.byAgent.map((a) => ({ key: a.agentId, cells: [a.name, a.taken, span(a.firstReplyMs)] }))}
          />
          <ReportTable
            caption={t('rtByDepartment')}
            head={[t('rtDepartment'), t('rtTaken'), t('rtWaitMean'), t('rtWaitLongest')]}
            rows={report.waitsByDepartment.map((d) => ({ key: d.department, cells: [d.name ? (lang === 'en' ? d.name.en : d.name.zh) : d.department, d.count, span(d.meanMs), span(d.longestMs)] }))}
          />
        </>
      )}
    </section>
  );
}
