/** Header controls for alerts: mute or unmute the chime, and 开启桌面通知 (asks the browser from this click). */
import { useState } from 'preact/hooks';
import { useI18n } from './i18n-context.ts';
import { desktopPermission, playChime, requestDesktopPermission, setSoundMuted, soundMuted } from './notifications.ts';

const BELL = 'M12 22a2 2 0 0 0 2-2h-4a2 2 0 0 0 2 2zm6-6v-5c0-3.07-1.64-5.64-4.5-6.32V4a1.5 1.5 0 0 0-3 0v.68C7.63 5.36 6 7.92 6 11v5l-2 2v1h16v-1l-2-2z';
const SCREEN = 'M20 3H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h6v2H8v2h8v-2h-2v-2h6a2 2 0 0 0 2-2V5a2 2 0 0 0-2-2zm0 13H4V5h16v11z';

/** A 16 px icon; `struck` draws the "off" slash. */
function Icon({ path, struck = false }: { path: string; struck?: boolean }) {
  return (
    <svg class="notify-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
      <path d={path} fill="currentColor" />
      {struck && <path d="M3 3l18 18" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" />}
    </svg>
  );
}

export function NotificationToggle() {
  const { t } = useI18n();
  const [muted, setMuted] = useState(soundMuted);
  const [permission, setPermission] = useState(desktopPermission);
  const toggleSound = () => {
    setSoundMuted(!muted);
    setMuted(!muted);
    // Unmuting plays the chime once, so the agent knows what to listen for (and the click unlocks audio).
    if (muted) playChime();
  };
  // On narrow screens the labels are hidden visually (they stay the buttons' names) and the icons remain.
  return (
    <div class="notify-controls">
      <button type="button" class="ghost small notify-sound" aria-pressed={!muted} title={t(muted ? 'soundOffHint' : 'soundOnHint')} onClick={toggleSound}>
        <Icon path={BELL} struck={muted} />
        <span class="notify-label">{t('soundAlerts')}</span>
      </button>
      {permission === 'default' && (
        <button
          type="button"
          class="ghost small"
          title={t('enableDesktopNotifications')}
          onClick={() => void requestDesktopPermission().then(setPermission)}
        >
          <Icon path={SCREEN} />
          <span class="notify-label">{t('enableDesktopNotifications')}</span>
        </button>
      )}
      {permission === 'denied' && (
        <span class="muted notify-note" title={t('desktopNotificationsBlockedHint')}>
          <Icon path={SCREEN} struck />
          <span class="notify-label">{t('desktopNotificationsBlocked')}</span>
        </span>
      )}
    </div>
  );
}
