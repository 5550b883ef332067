/** A clock hook: the current time, refreshed every `intervalMs` while the component is mounted. */
import { useEffect, useState } from 'preact/hooks';

/** `Date.now()`, re-rendering the caller every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}
