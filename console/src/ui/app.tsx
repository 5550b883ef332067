/** Root component: language, the sign-in gate (decided by `GET /api/auth/me`), and the workspace once signed in. */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { AgentProfile, Lang } from '@kefu/shared';
import { storeLang } from '../i18n/pick-lang.ts';
import type { MessageKey } from '../i18n/messages.ts';
import { translator } from '../i18n/translate.ts';
import { logout, me } from '../net/http-auth.ts';
import { clearHash, inviteTokenFromHash } from './hash-route.ts';
import { I18nContext, SetLangContext } from './i18n-context.ts';
import { InviteAccept } from './invite-accept.tsx';
import { SignIn } from './sign-in.tsx';
import { Workspace } from './workspace.tsx';

/** Props of {@link App}. */
export interface AppProps {
  initialLang: Lang;
}

type Session =
  | { phase: 'checking' }
  | { phase: 'invite'; token: string }
  | { phase: 'signed-out'; notice?: MessageKey }
  | { phase: 'signed-in'; agent: AgentProfile };

/** The whole console. */
export function App({ initialLang }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const i18n = useMemo(() => ({ lang, t: translator(lang) }), [lang]);
  // An invite link opens its own screen, whoever is signed in on this browser.
  const [session, setSession] = useState<Session>(() => {
    const token = inviteTokenFromHash();
    return token ? { phase: 'invite', token } : { phase: 'checking' };
  });
  // Our own sign-out also ends the socket; that must not read as "the server signed you out".
  const signingOut = useRef(false);

  useEffect(() => {
    if (session.phase === 'invite') return;
    let live = true;
    void me().then((res) => {
      if (!live) return;
      if (res.ok) setSession({ phase: 'signed-in', agent: res.agent });
      else setSession(res.reason === 'network' ? { phase: 'signed-out', notice: 'networkError' } : { phase: 'signed-out' });
    });
    return () => {
      live = false;
    };
  }, [session.phase === 'invite']);

  useEffect(() => {
    document.documentElement.lang = lang;
    if (session.phase !== 'signed-in') document.title = i18n.t('appTitle');
  }, [lang, session.phase, i18n]);

  const changeLang = (next: Lang) => {
    storeLang(next);
    setLang(next);
  };

  const signOut = async () => {
    signingOut.current = true;
    await logout();
    setSession({ phase: 'signed-out' });
    signingOut.current = false;
  };

  return (
    <I18nContext.Provider value={i18n}>
      <SetLangContext.Provider value={changeLang}>
        {session.phase === 'checking' && <p class="placeholder">{i18n.t('loading')}</p>}
        {session.phase === 'invite' && (
          <InviteAccept
            token={session.token}
            onSignedIn={(agent) => {
              clearHash();
              setSession({ phase: 'signed-in', agent });
            }}
            onCancel={() => {
              clearHash();
              setSession({ phase: 'checking' });
            }}
          />
        )}
        {session.phase === 'signed-out' && (
          <SignIn
            key={session.notice ?? 'plain'}
            notice={session.notice}
            onSignedIn={(agent) => setSession({ phase: 'signed-in', agent })}
          />
        )}
        {session.phase === 'signed-in' && (
          <Workspace
            agent={session.agent}
            onSignOut={() => void signOut()}
            onUnauthorized={() => signingOut.current || setSession({ phase: 'signed-out', notice: 'signedOut' })}
          />
        )}
      </SetLangContext.Provider>
    </I18nContext.Provider>
  );
}
