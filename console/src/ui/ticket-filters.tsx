/** The ticket list's filters: status, tier, assignee (我的 / Mine, unassigned, or a colleague), department, SLA and order; each applies at once. */
import { TICKET_STATUSES, TICKET_STATUS_LABELS, TICKET_TIERS, TICKET_TIER_LABELS, type Department, type TicketSort, type TransferTarget } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import type { TicketFilters as Filters } from './tickets-api.ts';

export interface TicketFiltersProps {
  filters: Filters;
  agents: TransferTarget[];
  departments: Department[];
  onChange(filters: Filters): void;
}

const SORTS: { value: TicketSort; label: MessageKey }[] = [
  { value: 'due', label: 'tkSortDue' },
  { value: 'created', label: 'tkSortCreated' },
  { value: 'updated', label: 'tkSortUpdated' },
];

export function TicketFilters({ filters, agents, departments, onChange }: TicketFiltersProps) {
  const { lang, t } = useI18n();
  const select = (key: keyof Filters) => ({
    value: filters[key],
    onChange: (e: Event) => onChange({ ...filters, [key]: (e.currentTarget as HTMLSelectElement).value }),
  });
  return (
    <form class="card inline-form ticket-filters" role="search" aria-label={t('tkFilters')} onSubmit={(e) => e.preventDefault()}>
      <label class="field">
        <span>{t('tkStatus')}</span>
        <select {...select('status')}>
          <option value="">{t('tkStatusActive')}</option>
          {TICKET_STATUSES.map((s) => (
            <option key={s} value={s}>
              {TICKET_STATUS_LABELS[s][lang]}
            </option>
          ))}
          <option value="all">{t('tkStatusAll')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('tkTier')}</span>
        <select {...select('tier')}>
          <option value="">{t('tkAnyTier')}</option>
          {TICKET_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {TICKET_TIER_LABELS[tier][lang]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('tkAssignee')}</span>
        <select {...select('assignee')}>
          <option value="">{t('tkAnyAssignee')}</option>
          <option value="me">{t('tkMine')}</option>
          <option value="none">{t('tkUnassigned')}</option>
          {agents.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('tkDepartment')}</span>
        <select {...select('department')}>
          <option value="">{t('tkAnyDepartment')}</option>
          {departments.map((d) => (
            <option key={d.key} value={d.key}>
              {lang === 'en' ? d.nameEn : d.nameZh}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('tkSla')}</span>
        <select {...select('sla')}>
          <option value="">{t('tkAnySla')}</option>
          <option value="at_risk">{t('tkSlaAtRisk')}</option>
          <option value="breached">{t('tkSlaBreached')}</option>
        </select>
      </label>
      <label class="field">
        <span>{t('tkSort')}</span>
        <select {...select('sort')}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {t(s.label)}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
