/** The app's part of the launcher: the close icon, the unread badge and the state they reflect. */

// Static markup only. A loader cached from before the app owned these already drew them.
const EXTRAS =
  '<svg class="x" viewBox="0 0 24 24"><path d="M6 6l12 12M18 6 6 18"/></svg><span class="b"></span>';

/** Reflects the panel state and the unread count on the launcher. */
export interface LauncherState {
  setOpen(open: boolean): void;
  /** 0 hides the badge; `label` is the accessible name for that count. */
  setUnread(count: number, label: string): void;
}

/** Adds the close icon, the badge and aria-expanded to the loader's launcher (once) and returns their setters. */
export function decorateLauncher(launcher: HTMLButtonElement): LauncherState {
  if (!launcher.querySelector('.b')) launcher.insertAdjacentHTML('beforeend', EXTRAS);
  const badge = launcher.querySelector('.b') as HTMLElement;
  launcher.setAttribute('aria-expanded', 'false');
  return {
    setOpen(open) {
      launcher.setAttribute('aria-expanded', String(open));
      launcher.classList.toggle('o', open);
    },
    setUnread(count, label) {
      badge.textContent = count > 99 ? '99+' : count > 0 ? String(count) : '';
      launcher.setAttribute('aria-label', label);
    },
  };
}
