/** The invite link's screen: shows who is invited, takes a display name and a password, and signs the new agent in. */
import { useEffect, useState } from 'preact/hooks';
import { MIN_PASSWORD_CHARS, type AgentProfile, type InviteInfo } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { LangSelect } from './lang-select.tsx';
import { teamApi, type ApiResult } from './team-api.ts';
import { roleLabelKey } from './team-labels.ts';

/** Props of {@link InviteAccept}. */
export interface InviteAcceptProps {
  token: string;
  onSignedIn(agent: AgentProfile): void;
  /** Leave for the plain sign-in form. */
  onCancel(): void;
}

function refusalKey(result: ApiResult<unknown>): MessageKey {
  if (result.ok) return 'serverError';
  switch (result.code) {
    case 'not_found':
      return 'inviteInvalid';
    case 'conflict':
      return 'inviteUsed';
    case 'invalid_state':
      return 'inviteExpired';
    case 'bad_request':
      return 'teamErrorInvalid';
    case 'network':
      return 'networkError';
    default:
      return 'serverError';
  }
}

/** Full-page card like the sign-in form. */
export function InviteAccept({ token, onSignedIn, onCancel }: InviteAcceptProps) {
  const { t } = useI18n();
  const [invite, setInvite] = useState<InviteInfo | null>(null);
  const [fatal, setFatal] = useState<MessageKey | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void teamApi.inviteInfo(token).then((res) => (res.ok ? setInvite(res.data.invite) : setFatal(refusalKey(res))));
  }, [token]);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    if (password.length < MIN_PASSWORD_CHARS || !name.trim()) return setError('teamErrorInvalid');
    setBusy(true);
    setError(null);
    const res = await teamApi.acceptInvite(token, name.trim(), password);
    setBusy(false);
    if (res.ok) onSignedIn(res.data.agent);
    else if (res.code === 'bad_request') setError('teamErrorInvalid');
    else setFatal(refusalKey(res));
  };

  return (
    <main class="signin">
      <div class="signin-lang">
        <LangSelect />
      </div>
      <form class="signin-card" onSubmit={submit} aria-labelledby="invite-accept-title" noValidate>
        <h1 id="invite-accept-title">{t('acceptInviteTitle')}</h1>
        {fatal ? (
          <p class="form-error" role="alert">
            {t(fatal)}
          </p>
        ) : !invite ? (
          <p class="muted">{t('loading')}</p>
        ) : (
          <>
            <p class="muted">{t('acceptInviteIntro', { role: t(roleLabelKey(invite.role)), email: invite.email })}</p>
            <label class="field">
              <span>{t('displayName')}</span>
              <input name="name" autoComplete="nickname" required maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span>{t('choosePassword')}</span>
              <input
                type="password"
                name="new-password"
                autoComplete="new-password"
                required
                minLength={MIN_PASSWORD_CHARS}
                value={password}
                onInput={(e) => setPassword(e.currentTarget.value)}
              />
            </label>
            {error && (
              <p class="form-error" role="alert">
                {t(error)}
              </p>
            )}
            <button class="primary" type="submit" disabled={busy}>
              {busy ? t('joining') : t('acceptInvite')}
            </button>
          </>
        )}
        <button type="button" class="link" onClick={onCancel}>
          {t('haveAccount')}
        </button>
      </form>
    </main>
  );
}
