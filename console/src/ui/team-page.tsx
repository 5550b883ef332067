/**
 * The team page: every agent with role, departments, presence, capacity and account state; admins change them and
 * invite. It follows the team live (the server's `teamAgent` pushes), so a colleague going away or an admin's change
 * made elsewhere shows without a reload.
 */
import { useEffect, useState } from 'preact/hooks';
import { AGENT_ROLES, type AgentProfile, type AgentRole, type Department, type TeamAgent } from '@kefu/shared';
import type { ConnectionStatus } from '../net/agent-client.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { CapacityInput } from './capacity-input.tsx';
import { useI18n } from './i18n-context.ts';
import { InvitePanel } from './invite-panel.tsx';
import type { PushFeed } from './push-feed.ts';
import { teamApi } from './team-api.ts';
import { departmentName, presenceLabelKey, roleLabelKey, teamErrorKey } from './team-labels.ts';
import { useLiveTeam } from './use-live-team.ts';

/** Props of {@link TeamPage}. */
export interface TeamPageProps {
  me: AgentProfile;
  /** Team rows pushed by the server while the page is open. */
  feed?: PushFeed<TeamAgent>;
  /** The console's connection: the list is read again when it comes back. */
  status?: ConnectionStatus;
}

/** Supervisors read it; only admins get the controls (the server refuses them anyway). */
export function TeamPage({ me, feed, status }: TeamPageProps) {
  const { t, lang } = useI18n();
  const isAdmin = me.role === 'admin';
  const [agents, setAgents] = useState<TeamAgent[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [inviting, setInviting] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  // Subscribed before the first read, so no push is missed.
  const live = useLiveTeam(setAgents, () => void load(), feed, status);
  const fresh = live.fresh;

  const load = async () => {
    const settle = live.reading();
    const [a, d] = await Promise.all([teamApi.agents(), teamApi.departments()]);
    const read = settle(a.ok ? a.data.agents : []);
    if (a.ok) setAgents(read);
    else setError(teamErrorKey(a));
    if (d.ok) setDepartments(d.data.departments);
  };

  useEffect(() => {
    void load();
  }, []);

  // A pushed row may name a department created since the page read them (in another tab): read them again.
  const unknownDepartment = agents?.some((a) => a.departments.some((k) => !departments.some((d) => d.key === k))) ?? false;
  useEffect(() => {
    if (unknownDepartment) void teamApi.departments().then((d) => d.ok && setDepartments(d.data.departments));
  }, [unknownDepartment]);

  const patch = async (agent: TeamAgent, change: { role?: AgentRole; capacity?: number; disabled?: boolean }) => {
    setError(null);
    const res = await teamApi.patchAgent(agent.id, change);
    if (res.ok) setAgents((list) => list?.map((a) => (a.id === agent.id ? res.data.agent : a)) ?? null);
    else {
      setError(teamErrorKey(res));
      void load();
    }
  };

  const names = (keys: string[]) =>
    keys.map((k) => departments.find((d) => d.key === k)).flatMap((d) => (d ? [departmentName(d, lang)] : [])).join('、') || '—';

  return (
    <section class="page" aria-labelledby="team-title">
      <div class="page-head">
        <h2 id="team-title" tabIndex={-1}>
          {t('teamTitle')}
        </h2>
        {(status === 'online' || status === 'reconnecting') && (
          // Not a live region: the header's connection status already announces a drop and a return.
          <p class={`live-note live-${status}`}>
            <span class="live-dot" aria-hidden="true" />
            {t(status === 'online' ? 'teamLive' : 'teamLiveLost')}
          </p>
        )}
        {isAdmin && !inviting && (
          <button type="button" class="primary" onClick={() => setInviting(true)}>
            {t('invite')}
          </button>
        )}
      </div>
      {!isAdmin && <p class="muted">{t('teamReadOnly')}</p>}
      {inviting && (
        <InvitePanel
          departments={departments}
          onClose={() => {
            setInviting(false);
            void load();
          }}
        />
      )}
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {agents === null ? (
        <p class="placeholder">{t('loading')}</p>
      ) : (
        <div class="table-wrap">
          <table class="team-table">
            <caption class="visually-hidden">{t('teamTitle')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('colName')}</th>
                <th scope="col">{t('colRole')}</th>
                <th scope="col">{t('colDepartments')}</th>
                <th scope="col">{t('colPresence')}</th>
                <th scope="col">{t('colCapacity')}</th>
                <th scope="col">{t('colOpen')}</th>
                <th scope="col">{t('colAccount')}</th>
              </tr>
            </thead>
            <tbody>
              {agents.map((a) => {
                const self = a.id === me.id;
                const editable = isAdmin && !self;
                return (
                  <tr key={a.id} class={[a.disabled && 'disabled-row', fresh.has(a.id) && 'fresh-row'].filter(Boolean).join(' ') || undefined}>
                    <th scope="row">
                      <span class="name">
                        {a.name} {self && <span class="muted">{t('you')}</span>}
                      </span>
                      <span class="muted email">{a.email}</span>
                      <span class={`presence-badge presence-${a.presence} presence-inline`} aria-hidden="true">
                        {t(presenceLabelKey(a.presence))}
                      </span>
                    </th>
                    <td>
                      {editable ? (
                        <select aria-label={t('roleOf', { name: a.name })} value={a.role} onChange={(e) => void patch(a, { role: e.currentTarget.value as AgentRole })}>
                          {AGENT_ROLES.map((r) => (
                            <option key={r} value={r}>
                              {t(roleLabelKey(r))}
                            </option>
                          ))}
                        </select>
                      ) : (
                        t(roleLabelKey(a.role))
                      )}
                    </td>
                    <td>{names(a.departments)}</td>
                    <td>
                      <span class={`presence-badge presence-${a.presence}`}>{t(presenceLabelKey(a.presence))}</span>
                    </td>
                    <td>
                      {isAdmin ? (
                        <CapacityInput value={a.capacity} label={t('capacityOf', { name: a.name })} onCommit={(capacity) => void patch(a, { capacity })} />
                      ) : (
                        a.capacity
                      )}
                    </td>
                    <td>{a.openConversations}</td>
                    <td>
                      <span class={a.disabled ? 'badge warn' : 'badge'}>{t(a.disabled ? 'accountDisabled' : 'accountActive')}</span>{' '}
                      {editable && (
                        <button
                          type="button"
                          class={a.disabled ? 'small' : 'small danger'}
                          aria-label={`${t(a.disabled ? 'enableAgent' : 'disableAgent')} ${a.name}`}
                          onClick={() => void patch(a, { disabled: !a.disabled })}
                        >
                          {t(a.disabled ? 'enableAgent' : 'disableAgent')}
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
