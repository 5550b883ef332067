/** The header's presence switch (在线 / 离开 / 离线): routing only assigns conversations to agents who are online. */
import { useEffect, useState } from 'preact/hooks';
import { PRESENCES, type Presence } from '@kefu/shared';
import type { ConnectionStatus } from '../net/agent-client.ts';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { presenceLabelKey } from './team-labels.ts';

/** Props of {@link PresenceSelect}. */
export interface PresenceSelectProps {
  /** The console's connection: when it connects, the server brings back an agent it had set offline (to their own choice), so it is read again then. */
  status: ConnectionStatus;
}

/** Re-read shortly after connecting too: the server's own change may land just after the socket opens. */
const SETTLE_MS = 1500;

/** A labelled `<select>`; the stored presence is read when the console connects and written on change. */
export function PresenceSelect({ status }: PresenceSelectProps) {
  const { t } = useI18n();
  const [presence, setPresence] = useState<Presence | null>(null);

  useEffect(() => {
    if (status !== 'online') return;
    let live = true;
    const read = () => void teamApi.me().then((res) => live && res.ok && setPresence(res.data.agent.presence));
    read();
    const timer = setTimeout(read, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [status]);

  const change = async (next: Presence) => {
    const before = presence;
    setPresence(next);
    const res = await teamApi.setPresence(next);
    if (!res.ok) setPresence(before);
  };

  return (
    <label class={`presence-select presence-${presence ?? 'unknown'}`}>
      <span class="dot" aria-hidden="true" />
      <span class="visually-hidden">{t('myPresence')}</span>
      <select value={presence ?? ''} disabled={presence === null} onChange={(e) => void change(e.currentTarget.value as Presence)}>
        {presence === null && <option value="">…</option>}
        {PRESENCES.map((p) => (
          <option key={p} value={p}>
            {t(presenceLabelKey(p))}
          </option>
        ))}
      </select>
    </label>
  );
}
