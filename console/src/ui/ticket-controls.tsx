/**
 * 处理工单 / Update ticket: status (only the moves the lifecycle allows from the current one), tier,
 * the customer's plan and 优先支持 (which move the SLA clocks), assignee and department, saved together;
 * only what changed is sent. A status change may carry a
 * remark for the customer.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import {
  roleAtLeast,
  TICKET_PLANS,
  TICKET_PLAN_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_TIERS,
  TICKET_TIER_LABELS,
  TICKET_TRANSITIONS,
  type AgentProfile,
  type Department,
  type Ticket,
  type TicketPatch,
  type TicketPlan,
  type TicketStatus,
  type TicketTier,
  type TransferTarget,
} from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';

export interface TicketControlsProps {
  ticket: Ticket;
  /** Who is signed in: an agent (not a supervisor) may only take a ticket or give back their own. */
  me: Pick<AgentProfile, 'id' | 'name' | 'role'>;
  agents: TransferTarget[];
  departments: Department[];
  /** Resolves with the refusal's message key, or null when saved. */
  onSave(patch: TicketPatch): Promise<MessageKey | null>;
}

interface Form {
  status: TicketStatus;
  tier: TicketTier;
  plan: TicketPlan;
  priority: boolean;
  assigneeId: string;
  department: string;
  remark: string;
}

const formOf = (ticket: Ticket): Form => ({
  status: ticket.status,
  tier: ticket.tier,
  plan: ticket.plan,
  priority: ticket.priority,
  assigneeId: ticket.assignee?.id ?? '',
  department: ticket.department ?? '',
  remark: '',
});

/** The fields that differ from the ticket, as the PATCH body. */
export function patchOf(ticket: Ticket, form: Form): TicketPatch | null {
  const patch: TicketPatch = {};
  if (form.status !== ticket.status) {
    patch.status = form.status;
    if (form.remark.trim()) patch.remark = form.remark.trim();
  }
  if (form.tier !== ticket.tier) patch.tier = form.tier;
  if (form.plan !== ticket.plan) patch.plan = form.plan;
  if (form.priority !== ticket.priority) patch.priority = form.priority;
  if (form.assigneeId !== (ticket.assignee?.id ?? '')) patch.assigneeId = form.assigneeId || null;
  if (form.department !== (ticket.department ?? '')) patch.department = form.department || null;
  return Object.keys(patch).length > 0 ? patch : null;
}

export function TicketControls({ ticket, me, agents, departments, onSave }: TicketControlsProps) {
  const { lang, t } = useI18n();
  const [form, setForm] = useState<Form>(() => formOf(ticket));
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ error: MessageKey | null } | null>(null);
  // The ticket changed (saved here, or by someone else): start again from what it is now. Not on mount:
  // effects run after paint, and a choice made before then must stay.
  const shown = useRef(`${ticket.id}@${ticket.updatedAt}`);
  useEffect(() => {
    const now = `${ticket.id}@${ticket.updatedAt}`;
    if (shown.current === now) return;
    shown.current = now;
    setForm(formOf(ticket));
  }, [ticket.updatedAt, ticket.id]);

  const patch = patchOf(ticket, form);
  const set = (key: Exclude<keyof Form, 'priority'>) => (e: Event) => {
    setResult(null);
    setForm({ ...form, [key]: (e.currentTarget as HTMLSelectElement).value });
  };
  // Supervisors pick anyone; an agent only themselves (or back to nobody from themselves), as the server allows.
  const supervising = roleAtLeast(me.role, 'supervisor');
  const pickable = supervising ? agents : [{ id: me.id, name: me.name }];
  // The current assignee stays shown even when the list does not hold them (disabled, not loaded yet, or not mine to pick).
  const people = ticket.assignee && !pickable.some((a) => a.id === ticket.assignee?.id) ? [{ id: ticket.assignee.id, name: ticket.assignee.name || ticket.assignee.id }, ...pickable] : pickable;
  const mayUnassign = supervising || !ticket.assignee || ticket.assignee.id === me.id;
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!patch || busy) return;
    setBusy(true);
    const error = await onSave(patch);
    setBusy(false);
    setResult({ error });
  };

  return (
    <form class="card ticket-controls" aria-labelledby="ticket-controls-heading" onSubmit={(e) => void submit(e)}>
      <h3 id="ticket-controls-heading" class="card-title">
        {t('tkUpdate')}
      </h3>
      <label class="field">
        <span>{t('tkStatus')}</span>
        <select value={form.status} onChange={set('status')} disabled={TICKET_TRANSITIONS[ticket.status].length === 0}>
          <option value={ticket.status}>{t('tkCurrent', { label: TICKET_STATUS_LABELS[ticket.status][lang] })}</option>
          {TICKET_TRANSITIONS[ticket.status].map((s) => (
            <option key={s} value={s}>
              {TICKET_STATUS_LABELS[s][lang]}
            </option>
          ))}
        </select>
      </label>
      {form.status !== ticket.status && (
        <label class="field">
          <span>{t('tkRemark')}</span>
          <textarea rows={2} value={form.remark} onInput={set('remark')} />
        </label>
      )}
      <label class="field">
        <span>{t('tkTier')}</span>
        <select value={form.tier} onChange={set('tier')}>
          {TICKET_TIERS.map((tier) => (
            <option key={tier} value={tier}>
              {TICKET_TIER_LABELS[tier][lang]}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('tkPlan')}</span>
        <select value={form.plan} onChange={set('plan')}>
          {TICKET_PLANS.map((plan) => (
            <option key={plan} value={plan}>
              {TICKET_PLAN_LABELS[plan][lang]}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={form.priority}
          onChange={(e) => {
            setResult(null);
            setForm({ ...form, priority: e.currentTarget.checked });
          }}
        />
        {t('tkPriority')}
      </label>
      <label class="field">
        <span>{t('tkAssignee')}</span>
        <select value={form.assigneeId} onChange={set('assigneeId')}>
          {mayUnassign && <option value="">{t('tkUnassigned')}</option>}
          {people.map((a) => (
            <option key={a.id} value={a.id}>
              {a.name}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('tkDepartment')}</span>
        <select value={form.department} onChange={set('department')}>
          <option value="">{t('tkNoDepartment')}</option>
          {ticket.department && !departments.some((d) => d.key === ticket.department) && <option value={ticket.department}>{ticket.department}</option>}
          {departments.map((d) => (
            <option key={d.key} value={d.key}>
              {lang === 'en' ? d.nameEn : d.nameZh}
            </option>
          ))}
        </select>
      </label>
      {result?.error && (
        <p class="form-error" role="alert">
          {t(result.error)}
        </p>
      )}
      <div class="form-actions">
        <button type="submit" class="primary" aria-busy={busy} disabled={!patch || busy}>
          {t('tkSave')}
        </button>
        {result && !result.error && !patch && (
          <span class="muted" role="status">
            {t('tkSaved')}
          </span>
        )}
      </div>
    </form>
  );
}
