/** The console's few addresses, kept in the URL hash so links (an invite) and reloads land on the right screen. */
import { useEffect, useState } from 'preact/hooks';

/** Pages of the signed-in console. */
export type ConsolePage = 'desk' | 'history' | 'tickets' | 'kb' | 'team' | 'departments' | 'sites' | 'live' | 'reports';

/** The invite token in `#/invite/<token>`, if the console was opened from an invite link. */
export function inviteTokenFromHash(hash = location.hash): string | undefined {
  return /^#\/invite\/([\w-]{20,100})$/.exec(hash)?.[1];
}

/** `#/history/<id>`: one closed conversation open in 历史 / History. */
const HISTORY_HASH = /^#\/history(?:\/([\w.:-]{1,64}))?$/;

/** The conversation `#/history/<id>` opens, if any. */
export function historyIdFromHash(hash = location.hash): string | undefined {
  return HISTORY_HASH.exec(hash)?.[1];
}

/** The link that opens one conversation read-only in 历史 / History. */
export const historyHref = (conversationId: string): string => `#/history/${encodeURIComponent(conversationId)}`;

/** `#/tickets/<number>`: one ticket open in 工单 / Tickets. */
const TICKETS_HASH = /^#\/tickets(?:\/(T\d{8}-\d{4,6}))?$/;

/** The ticket `#/tickets/<number>` opens, if any. */
export function ticketNumberFromHash(hash = location.hash): string | undefined {
  return TICKETS_HASH.exec(hash)?.[1];
}

/** The link that opens one ticket's detail view. */
export const ticketHref = (number: string): string => `#/tickets/${encodeURIComponent(number)}`;

export function pageFromHash(hash = location.hash): ConsolePage {
  if (HISTORY_HASH.test(hash)) return 'history';
  if (TICKETS_HASH.test(hash)) return 'tickets';
  const simple = /^#\/(kb|team|departments|sites|live|reports)$/.exec(hash)?.[1] as ConsolePage | undefined;
  return simple ?? 'desk';
}

export const pageHref = (page: ConsolePage): string => (page === 'desk' ? '#/' : `#/${page}`);

/** Drops the hash without a history entry (after an invite was used or left). */
export function clearHash(): void {
  history.replaceState(null, '', location.pathname + location.search);
}

/** The current hash, following changes (links, back and forward). */
function useHash(): string {
  const [hash, setHash] = useState(location.hash);
  useEffect(() => {
    const onHash = () => setHash(location.hash);
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return hash;
}

/** The current page, following hash changes. */
export function useHashPage(): ConsolePage {
  return pageFromHash(useHash());
}

/** The conversation open in 历史 / History, following hash changes. */
export function useHistoryId(): string | undefined {
  return historyIdFromHash(useHash());
}

/** The ticket open in 工单 / Tickets, following hash changes. */
export function useTicketNumber(): string | undefined {
  return ticketNumberFromHash(useHash());
}
