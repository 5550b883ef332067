/** 转接 / Transfer: pick an agent or a department, write a note for the receiver, and hand the conversation over. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ConversationSummary, Department, TransferInput, TransferTarget } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import type { AgentClient, Result } from '../net/agent-client.ts';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { departmentName } from './team-labels.ts';

export interface TransferDialogProps {
  client: AgentClient;
  conversation: ConversationSummary;
  /** Supervisors and admins may transfer to a colleague who is full. */
  mayOverfill: boolean;
  onDone(conversation: ConversationSummary): void;
  onCancel(): void;
}

type Mode = 'agent' | 'department';

/** The error key for a refused transfer: the server's code in the agent's language. */
const refusalKey = (res: Result<unknown>): MessageKey => (res.ok ? 'error_internal' : `error_${res.error.code}`);

export function TransferDialog({ client, conversation, mayOverfill, onDone, onCancel }: TransferDialogProps) {
  const { lang, t } = useI18n();
  const [mode, setMode] = useState<Mode>('agent');
  const [agents, setAgents] = useState<TransferTarget[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [agentId, setAgentId] = useState('');
  const [department, setDepartment] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firstRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    firstRef.current?.focus();
    // Presence changes while the dialog is open (a colleague comes online): the list follows every few seconds.
    const loadAgents = () =>
      void client.listAgents().then((res) => res.ok && setAgents(res.data.agents.filter((a) => a.id !== conversation.assignedAgentId)));
    loadAgents();
    const timer = setInterval(loadAgents, 3000);
    void teamApi.departments().then((res) => res.ok && setDepartments(res.data.departments));
    return () => clearInterval(timer);
  }, [client, conversation.id]);

  const pickable = (a: TransferTarget) => a.presence !== 'offline' && (mayOverfill || !a.full);
  const target: TransferInput['to'] | undefined = mode === 'agent' ? (agentId ? { agentId } : undefined) : department ? { department } : undefined;

  const submit = async () => {
    if (!target || busy) return;
    setBusy(true);
    setError(null);
    const res = await client.transfer({ conversationId: conversation.id, to: target, ...(note.trim() ? { note: note.trim() } : {}) });
    setBusy(false);
    if (res.ok) onDone(res.data.conversation);
    else setError(t('transferRefused', { reason: res.error.code === 'conflict' ? res.error.message : t(refusalKey(res)) }));
  };

  return (
    <div class="dialog-backdrop" onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <form
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="transfer-title"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <h2 id="transfer-title">{t('transferTitle')}</h2>
        <fieldset class="segmented">
          <legend class="visually-hidden">{t('transferTitle')}</legend>
          <label>
            <input ref={firstRef} type="radio" name="transfer-mode" checked={mode === 'agent'} onChange={() => setMode('agent')} />
            {t('transferToAgent')}
          </label>
          <label>
            <input type="radio" name="transfer-mode" checked={mode === 'department'} onChange={() => setMode('department')} />
            {t('transferToDepartment')}
          </label>
        </fieldset>
        {mode === 'agent' ? (
          <label class="field">
            <span>{t('transferPickAgent')}</span>
            <select value={agentId} onChange={(e) => setAgentId(e.currentTarget.value)} required>
              <option value="">—</option>
              {agents.map((a) => (
                <option key={a.id} value={a.id} disabled={!pickable(a)}>
                  {a.name}
                  {a.departments.length > 0 ? ` · ${a.departments.map((k) => nameOf(departments, k, lang)).join(', ')}` : ''}
                  {a.presence === 'offline' ? t('transferOffline') : a.full ? t('transferFull') : ''}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <label class="field">
            <span>{t('transferPickDepartment')}</span>
            <select value={department} onChange={(e) => setDepartment(e.currentTarget.value)} required>
              <option value="">—</option>
              {departments.map((d) => (
                <option key={d.key} value={d.key}>
                  {departmentName(d, lang)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label class="field">
          <span>{t('transferNote')}</span>
          <textarea rows={3} value={note} maxLength={2000} onInput={(e) => setNote(e.currentTarget.value)} />
        </label>
        <p class="form-error" role="alert">
          {error ?? ''}
        </p>
        <div class="dialog-actions">
          <button type="button" onClick={onCancel}>
            {t('transferCancel')}
          </button>
          <button type="submit" class="primary" disabled={!target || busy} aria-busy={busy}>
            {t('transferSubmit')}
          </button>
        </div>
      </form>
    </div>
  );
}

function nameOf(departments: Department[], key: string, lang: 'zh-CN' | 'en'): string {
  const d = departments.find((x) => x.key === key);
  return d ? departmentName(d, lang) : key;
}
