/** The admin's invite form: email, role, department; on success the one-time link, ready to copy. */
import { useState } from 'preact/hooks';
import { AGENT_ROLES, type AgentRole, type Department } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { departmentName, roleLabelKey, teamErrorKey } from './team-labels.ts';

/** Props of {@link InvitePanel}. */
export interface InvitePanelProps {
  departments: Department[];
  onClose(): void;
}

/** A panel under the team table; the link is absolute (this console's origin) so it can be sent as is. */
export function InvitePanel({ departments, onClose }: InvitePanelProps) {
  const { t, lang } = useI18n();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<AgentRole>('agent');
  const [department, setDepartment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [link, setLink] = useState<{ url: string; email: string } | null>(null);
  const [copied, setCopied] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    const res = await teamApi.invite({ email: email.trim(), role, ...(department ? { department } : {}) });
    setBusy(false);
    if (!res.ok) return setError(teamErrorKey(res));
    setLink({ url: `${location.origin}${res.data.invite.path}`, email: res.data.invite.email });
    setCopied(false);
  };

  const copy = async () => {
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link.url);
      setCopied(true);
    } catch {
      // Without clipboard permission the text stays selected for Ctrl+C.
      (document.getElementById('invite-link') as HTMLInputElement | null)?.select();
    }
  };

  return (
    <section class="card invite-panel" aria-labelledby="invite-title">
      <h2 id="invite-title" class="card-title">
        {t('inviteTitle')}
      </h2>
      <form class="inline-form" onSubmit={submit}>
        <label class="field">
          <span>{t('inviteEmail')}</span>
          <input type="email" required value={email} onInput={(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>{t('inviteRole')}</span>
          <select value={role} onChange={(e) => setRole(e.currentTarget.value as AgentRole)}>
            {AGENT_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(roleLabelKey(r))}
              </option>
            ))}
          </select>
        </label>
        <label class="field">
          <span>{t('inviteDepartment')}</span>
          <select value={department} onChange={(e) => setDepartment(e.currentTarget.value)}>
            <option value="">{t('noneOption')}</option>
            {departments.map((d) => (
              <option key={d.key} value={d.key}>
                {departmentName(d, lang)}
              </option>
            ))}
          </select>
        </label>
        <div class="form-actions">
          <button type="submit" class="primary" disabled={busy}>
            {t('inviteSubmit')}
          </button>
          <button type="button" class="ghost" onClick={onClose}>
            {t('close')}
          </button>
        </div>
      </form>
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      {link && (
        <div class="invite-result">
          <label class="field">
            <span>{t('inviteLink')}</span>
            <input id="invite-link" type="text" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p class="muted">{t('inviteLinkHint', { email: link.email })}</p>
          <button type="button" class="small" onClick={() => void copy()}>
            {copied ? t('copied') : t('copy')}
          </button>
        </div>
      )}
    </section>
  );
}
