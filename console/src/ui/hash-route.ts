/** The console's few addresses, kept in the URL hash so links (an invite) and reloads land on the right screen. */
import { useEffect, useState } from 'preact/hooks';

/** Pages of the signed-in console. */
export type ConsolePage = 'desk' | 'team' | 'departments' | 'live';

/** The invite token in `#/invite/<token>`, if the console was opened from an invite link. */
export function inviteTokenFromHash(hash = location.hash): string | undefined {
  return /^#\/invite\/([\w-]{20,100})$/.exec(hash)?.[1];
}

export function pageFromHash(hash = location.hash): ConsolePage {
  return hash === '#/team' ? 'team' : hash === '#/departments' ? 'departments' : hash === '#/live' ? 'live' : 'desk';
}

export const pageHref = (page: ConsolePage): string => (page === 'desk' ? '#/' : `#/${page}`);

/** Drops the hash without a history entry (after an invite was used or left). */
export function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** The current page, following hash changes (links, back and forward). */
export function useHashPage(): ConsolePage {
  const [page, setPage] = useState<ConsolePage>(pageFromHash());
  useEffect(() => {
    const onHash = () => setPage(pageFromHash());
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return page;
}
