/** The header's presence switch (在线 / 离开 / 离线): routing only assigns conversations to agents who are online. */
import { useEffect, useState } from 'preact/hooks';
import { PRESENCES, type Presence } from '@kefu/shared';
import { useI18n } from './i18n-context.ts';
import { teamApi } from './team-api.ts';
import { presenceLabelKey } from './team-labels.ts';

/** A labelled `<select>`; the stored presence is read on mount and written on change. */
export function PresenceSelect() {
  const { t } = useI18n();
  const [presence, setPresence] = useState<Presence | null>(null);

  useEffect(() => {
    let live = true;
    void teamApi.me().then((res) => live && res.ok && setPresence(res.data.agent.presence));
    return () => {
      live = false;
    };
  }, []);

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
