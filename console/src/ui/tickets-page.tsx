/**
 * 工单 / Tickets (every agent): the list with its filters, due soonest first, more on demand; a ticket's
 * detail view at `#/tickets/<number>`. The filters survive a visit to a ticket and back. Rows and the open
 * ticket follow the socket's `ticket` and `ticketEvent` pushes.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { AgentProfile, Department, Ticket, TransferTarget } from '@kefu/shared';
import type { MessageKey } from '../i18n/messages.ts';
import type { AgentClient } from '../net/agent-client.ts';
import { useI18n } from './i18n-context.ts';
import { TicketDetailView } from './ticket-detail.tsx';
import { ticketErrorKey } from './ticket-errors.ts';
import type { TicketFeed } from './ticket-feed.ts';
import { TicketFilters } from './ticket-filters.tsx';
import { TicketList } from './ticket-list.tsx';
import { DEFAULT_FILTERS, ticketsApi, type TicketFilters as Filters } from './tickets-api.ts';
import { useNow } from './use-now.ts';
import './tickets.css';

/** Tickets the list does not hold come in bursts (an outage, a busy desk): one reload for each such stretch. */
const NEW_TICKET_REFRESH_MS = 1_000;

export interface TicketsPageProps {
  me: Pick<AgentProfile, 'id' | 'name' | 'role'>;
  /** Where colleagues come from (assignee filter and select). */
  client: Pick<AgentClient, 'listAgents'> | null;
  /** The ticket on screen (from `#/tickets/<number>`). */
  openNumber?: string | undefined;
  feed?: TicketFeed | undefined;
}

export function TicketsPage({ me, client, openNumber, feed }: TicketsPageProps) {
  const { t } = useI18n();
  const now = useNow(30_000);
  const [filters, setFilters] = useState<Filters>(DEFAULT_FILTERS);
  const [rows, setRows] = useState<Ticket[] | null>(null);
  const [next, setNext] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);
  const [agents, setAgents] = useState<TransferTarget[]>([]);
  const [departments, setDepartments] = useState<Department[]>([]);
  // Only the newest request may fill the list (filters can change faster than answers come).
  const asked = useRef(0);
  // Pages of the list open (1 + "more" taps), and whether a ticket arrived that only a reload would place.
  const pages = useRef(1);
  const [stale, setStale] = useState(false);

  const load = async (query: Filters, cursor?: string) => {
    const mine = ++asked.current;
    pages.current = cursor ? pages.current + 1 : 1;
    if (!cursor) setStale(false);
    setBusy(true);
    const res = await ticketsApi.list(query, cursor);
    if (mine !== asked.current) return;
    setBusy(false);
    if (!res.ok) return setError(ticketErrorKey(res.code));
    setError(null);
    setRows((held) => (cursor ? [...(held ?? []), ...res.data.tickets.filter((x) => !held?.some((h) => h.id === x.id))] : res.data.tickets));
    setNext(res.data.nextCursor);
  };

  const loadRef = useRef(load);
  loadRef.current = load;
  const filtersRef = useRef(filters);
  filtersRef.current = filters;

  useEffect(() => {
    void load(filters);
  }, [filters]);
  // Back from a ticket: the list shows what changed meanwhile, and keyboard users start at its heading.
  useEffect(() => {
    if (openNumber || rows === null) return;
    void load(filters);
    document.getElementById('tickets-heading')?.focus();
  }, [openNumber]);
  useEffect(() => {
    void client?.listAgents().then((res) => res.ok && setAgents(res.data.agents));
  }, [client]);
  useEffect(() => {
    void ticketsApi.departments().then((res) => res.ok && setDepartments(res.data.departments));
  }, []);
  // A ticket the list does not hold (a new one, or one that moved into view) is shown by asking for the first page
  // again, which the server filters and sorts; once more pages are open that would lose them, so the agent is asked.
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const openRef = useRef(openNumber);
  openRef.current = openNumber;
  const refresh = useRef<ReturnType<typeof setTimeout>>();
  useEffect(() => {
    const off = feed?.subscribe((update) => {
      if (update.type !== 'ticket') return;
      const held = rowsRef.current;
      if (!held) return;
      // A ticket on screen: the list is not, and coming back to it reloads it anyway.
      if (openRef.current && !held.some((row) => row.id === update.ticket.id)) return;
      if (held.some((row) => row.id === update.ticket.id)) {
        setRows((now) => now && now.map((row) => (row.id === update.ticket.id && update.ticket.updatedAt >= row.updatedAt ? update.ticket : row)));
      } else if (pages.current > 1) setStale(true);
      else if (refresh.current === undefined) {
        refresh.current = setTimeout(() => {
          refresh.current = undefined;
          void loadRef.current(filtersRef.current);
        }, NEW_TICKET_REFRESH_MS);
      }
    });
    return () => {
      off?.();
      clearTimeout(refresh.current);
      refresh.current = undefined;
    };
  }, [feed]);

  if (openNumber) {
    return <TicketDetailView key={openNumber} number={openNumber} me={me} agents={agents} departments={departments} feed={feed} now={now} />;
  }

  return (
    <section class="page tickets-page" aria-labelledby="tickets-heading">
      <div class="page-head">
        <h2 id="tickets-heading" tabIndex={-1}>
          {t('tkTitle')}
        </h2>
      </div>
      <TicketFilters filters={filters} agents={agents} departments={departments} onChange={setFilters} />
      {error && (
        <p class="form-error" role="alert">
          {t(error)}
        </p>
      )}
      <p class="muted tickets-status" role="status">
        {rows === null ? t('loading') : rows.length === 0 ? t('tkEmpty') : t('tkCount', { count: rows.length })}
      </p>
      {stale && (
        <p class="tickets-stale" role="status">
          {t('tkListChanged')}{' '}
          <button type="button" class="small" onClick={() => void load(filters)}>
            {t('liveRefresh')}
          </button>
        </p>
      )}
      {rows && rows.length > 0 && <TicketList tickets={rows} now={now} />}
      {next && (
        <button type="button" class="small tickets-more" aria-busy={busy} disabled={busy} onClick={() => void load(filters, next)}>
          {t('tkMore')}
        </button>
      )}
    </section>
  );
}
