/** The sign-in form: email + password, an alert on failure, nothing kept but the server's httpOnly cookie. */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentProfile } from '@kefu/shared';
import { login, type AuthResult } from '../net/http-auth.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { useI18n } from './i18n-context.ts';
import { LangSelect } from './lang-select.tsx';

/** Props of {@link SignIn}. */
export interface SignInProps {
  onSignedIn(agent: AgentProfile): void;
  /** Why the agent landed here (an expired session, an unreachable server), shown as an alert. */
  notice?: MessageKey | undefined;
}

function failureKey(result: AuthResult): MessageKey {
  if (result.ok) return 'serverError';
  switch (result.reason) {
    case 'unauthorized':
      return 'signInFailed';
    case 'bad_request':
      return 'signInInvalid';
    case 'rate_limited':
      return 'signInRateLimited';
    case 'network':
      return 'networkError';
    default:
      return 'serverError';
  }
}

/** Full-page sign-in card. */
export function SignIn({ onSignedIn, notice }: SignInProps) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | undefined>(notice);
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => emailRef.current?.focus(), []);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(undefined);
    const result = await login(email.trim(), password);
    setBusy(false);
    if (result.ok) onSignedIn(result.agent);
    else setError(failureKey(result));
  };

  return (
    <main class="signin">
      <div class="signin-lang">
        <LangSelect />
      </div>
      <form class="signin-card" onSubmit={submit} aria-labelledby="signin-title" noValidate>
        <h1 id="signin-title">{t('signInTitle')}</h1>
        <p class="muted">{t('signInIntro')}</p>
        <label class="field">
          <span>{t('email')}</span>
          <input
            ref={emailRef}
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onInput={(e) => setEmail(e.currentTarget.value)}
          />
        </label>
        <label class="field">
          <span>{t('password')}</span>
          <input
            type="password"
            name="password"
            autoComplete="current-password"
            required
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
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </form>
    </main>
  );
}
