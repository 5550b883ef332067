/** Formats how long a visitor has waited as m:ss or h:mm:ss (a live clock reads better than "3 minutes ago"). */

/** `now - since` as `m:ss` under an hour, `h:mm:ss` above; negative spans (clock skew) read 0:00. */
export function formatWaiting(since: number, now: number): string {
  const total = Math.max(0, Math.floor((now - since) / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  if (hours === 0) return `${minutes}:${ss}`;
  return `${hours}:${String(minutes).padStart(2, '0')}:${ss}`;
}
