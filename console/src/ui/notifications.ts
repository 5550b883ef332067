/**
 * The console's alert outputs: a short chime made with WebAudio (no audio file), a desktop
 * notification when the browser allows it, and the agent's sound preference (kept per browser).
 */

const SOUND_KEY = 'kefu:console:sound';

/** Whether the agent muted the chime (the header's sound toggle). */
export function soundMuted(): boolean {
  try {
    return localStorage.getItem(SOUND_KEY) === 'off';
  } catch {
    return false;
  }
}

export function setSoundMuted(muted: boolean): void {
  try {
    if (muted) localStorage.setItem(SOUND_KEY, 'off');
    else localStorage.removeItem(SOUND_KEY);
  } catch {
    // Private mode without storage: the choice lasts until reload.
  }
}

let audio: AudioContext | undefined;
/** Chimes played in this page (the browser tests read it: a sound cannot be heard there). */
let chimes = 0;

/**
 * Browsers start an AudioContext suspended until the page had a click or key press; call this from
 * one (the console does on the first pointer or key event) so later chimes are heard.
 */
export function unlockAudio(): void {
  try {
    audio ??= new AudioContext();
    if (audio.state === 'suspended') void audio.resume();
  } catch {
    // No WebAudio: alerts stay silent, the title and desktop notification still work.
  }
}

/** Two short rising tones, about 0.3 s; false when muted or without WebAudio. */
export function playChime(): boolean {
  if (soundMuted() || typeof AudioContext === 'undefined') return false;
  unlockAudio();
  if (!audio) return false;
  const start = audio.currentTime + 0.01;
  for (const [i, frequency] of [880, 1318.5].entries()) {
    const at = start + i * 0.14;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = frequency;
    // A quick fade in and out, so the tone does not click.
    gain.gain.setValueAtTime(0.0001, at);
    gain.gain.exponentialRampToValueAtTime(0.18, at + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.13);
    osc.connect(gain).connect(audio.destination);
    osc.start(at);
    osc.stop(at + 0.14);
  }
  chimes++;
  document.documentElement.dataset.kefuChimes = String(chimes);
  return true;
}

export type DesktopPermission = NotificationPermission | 'unsupported';

export function desktopPermission(): DesktopPermission {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** Asks the browser; only ever call this from a click (browsers ignore or penalise other requests). */
export async function requestDesktopPermission(): Promise<DesktopPermission> {
  if (typeof Notification === 'undefined') return 'unsupported';
  try {
    return await Notification.requestPermission();
  } catch {
    return Notification.permission;
  }
}

/**
 * A desktop notification, when allowed and the agent is not looking at the console (a visible,
 * focused console has the sound and its own lists). `tag` replaces an earlier one for the same thing.
 */
export function showDesktop(title: string, body: string, tag: string, onClick: () => void): boolean {
  if (desktopPermission() !== 'granted') return false;
  if (document.visibilityState === 'visible' && document.hasFocus()) return false;
  try {
    const n = new Notification(title, { body, tag });
    n.onclick = () => {
      window.focus();
      onClick();
      n.close();
    };
    return true;
  } catch {
    // Some mobile browsers only allow notifications from a service worker.
    return false;
  }
}
