/**
 * 全部会话 / All conversations (supervisors and admins): every queued and assigned conversation with its
 * agent, state, department and wait, refreshed every few seconds; open one to read and add notes, assign it
 * to a colleague, or take it over.
 */
import { useEffect, useState } from 'preact/hooks';
import type { AgentProfile, Department, LiveConversation, TransferTarget } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { useI18n } from './i18n-context.ts';
import { stateLabelKey } from './labels.ts';
import { teamApi } from './team-api.ts';
import { departmentName } from './team-labels.ts';
import { useNow } from './use-now.ts';

const REFRESH_MS = 5_000;

export interface LiveConversationsProps {
  client: AgentClient | null;
  me: AgentProfile;
  /** Shows the conversation on the desk (read, notes, transfer). */
  onOpen(conversationId: string): void;
}

/** "42 秒" / "3 分钟": how long the visitor has waited, or waited before an agent took it. */
export function waitLabel(ms: number, t: (key: MessageKey, values?: Record<string, string | number>) => string): string {
  const seconds = Math.floor(ms / 1000);
  return seconds < 60 ? t('waitSeconds', { n: seconds }) : t('waitMinutes', { n: Math.floor(seconds / 60) });
}

export function LiveConversations({ client, me, onOpen }: LiveConversationsProps) {
  const { lang, t } = useI18n();
  const [rows, setRows] = useState<LiveConversation[] | null>(null);
  const [agents, setAgents] = useState<TransferTarget[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [picked, setPicked] = useState<Record<string, string>>({});
  // Kept apart: a refresh that worked clears a failed load, never the reason an assignment was refused.
  const [loadError, setLoadError] = useState<MessageKey | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [fetchedAt, setFetchedAt] = useState(Date.now());
  const now = useNow(1_000);

  const refresh = async () => {
    if (!client) return;
    const [live, team] = await Promise.all([client.listLive(), client.listAgents()]);
    if (live.ok) {
      setRows(live.data.conversations);
      setFetchedAt(Date.now());
      setLoadError(null);
    } else setLoadError(`error_${live.error.code}`);
    if (team.ok) setAgents(team.data.agents);
  };

  useEffect(() => {
    void refresh();
    void teamApi.departments().then((res) => res.ok && setDepartments(res.data.departments));
    const timer = setInterval(() => void refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [client]);

  const assign = async (conversationId: string, agentId: string) => {
    if (!client || !agentId) return;
    setError(null);
    const res = await client.assign(conversationId, agentId);
    if (!res.ok) setError(`error_${res.error.code}`);
    await refresh();
  };

  const deptName = (key?: string) => {
    const d = departments.find((x) => x.key === key);
    return d ? departmentName(d, lang) : (key ?? t('noDepartment'));
  };

  const shownError = error ?? loadError;
  return (
    <section class="page live-page" aria-labelledby="live-heading">
      <div class="page-head">
        <h2 id="live-heading">{t('allConversationsTitle')}</h2>
        <button type="button" class="small" onClick={() => void refresh()}>
          {t('liveRefresh')}
        </button>
      </div>
      {shownError && (
        <p class="form-error" role="alert">
          {t(shownError)}
        </p>
      )}
      {rows && rows.length === 0 && <p class="empty">{t('liveEmpty')}</p>}
      {rows && rows.length > 0 && (
        <div class="table-wrap">
          <table class="team-table live-table">
            <thead>
              <tr>
                <th scope="col">{t('liveVisitor')}</th>
                <th scope="col">{t('liveDepartment')}</th>
                <th scope="col">{t('liveState')}</th>
                <th scope="col">{t('liveAgent')}</th>
                <th scope="col">{t('liveWait')}</th>
                <th scope="col">{t('liveActions')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                // A queued visitor's wait keeps growing between refreshes.
                const wait = row.state === 'queued' ? row.waitMs + Math.max(0, now - fetchedAt) : row.waitMs;
                const choice = picked[row.id] ?? '';
                return (
                  <tr key={row.id}>
                    <th scope="row">{row.visitorName}</th>
                    <td>{deptName(row.department)}</td>
                    <td>
                      <span class={`state-badge state-${row.state}`}>{t(stateLabelKey(row.state))}</span>
                    </td>
                    <td>{row.assignedAgentName ?? <span class="muted">{t('liveUnassigned')}</span>}</td>
                    <td>{waitLabel(wait, t)}</td>
                    <td class="live-actions">
                      <button type="button" class="small" onClick={() => onOpen(row.id)}>
                        {t('liveOpen')}
                      </button>
                      <label class="visually-hidden" for={`assign-${row.id}`}>
                        {t('liveAssignTo')}
                      </label>
                      <select id={`assign-${row.id}`} value={choice} onChange={(e) => setPicked({ ...picked, [row.id]: e.currentTarget.value })}>
                        <option value="">{t('liveAssignTo')}</option>
                        {agents
                          .filter((a) => a.id !== row.assignedAgentId)
                          .map((a) => (
                            <option key={a.id} value={a.id} disabled={a.presence === 'offline'}>
                              {a.name}
                              {a.presence === 'offline' ? t('transferOffline') : a.full ? t('transferFull') : ''}
                            </option>
                          ))}
                      </select>
                      <button type="button" class="small" disabled={!choice} onClick={() => void assign(row.id, choice)}>
                        {t('liveAssign')}
                      </button>
                      {row.assignedAgentId !== me.id && (
                        <button type="button" class="small primary" onClick={() => void assign(row.id, me.id)}>
                          {t('liveTakeOver')}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
