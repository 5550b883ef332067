/** The agents' ticket routes over HTTP (/api/tickets); every call resolves, with the data or the server's error code. */
import { ATTACHMENT_MAX_BYTES, type Attachment, type Department, type ErrorCode, type TicketDetail, type TicketFileUpload, type TicketListResult, type TicketPatch, type TicketSort } from '@kefu/shared';

/** The data, or why not (`network` = the server could not be reached); `message` is the server's own words. */
export type TicketApiResult<T> = { ok: true; data: T } | { ok: false; code: ErrorCode | 'network'; message?: string };

/** The list's filters as the console holds them; an empty string means "any". */
export interface TicketFilters {
  /** '' = the active statuses (the server's default), 'all' = every status, else one status. */
  status: string;
  tier: string;
  /** An agent id, `me`, `none` (unassigned) or '' (anyone). */
  assignee: string;
  department: string;
  /** '' = any, `at_risk` / `breached` = only tickets whose SLA is in that state. */
  sla: string;
  sort: TicketSort;
}

export const DEFAULT_FILTERS: TicketFilters = { status: '', tier: '', assignee: '', department: '', sla: '', sort: 'due' };

const ALL_STATUSES = 'open,in_progress,waiting_customer,resolved,closed';

/** The query string of GET /api/tickets for these filters (and a page's cursor), in a fixed order. */
export function ticketListQuery(filters: TicketFilters, cursor?: string): string {
  const params = new URLSearchParams();
  if (filters.status) params.set('status', filters.status === 'all' ? ALL_STATUSES : filters.status);
  if (filters.tier) params.set('tier', filters.tier);
  if (filters.assignee) params.set('assignee', filters.assignee);
  if (filters.department) params.set('department', filters.department);
  if (filters.sla) params.set('sla', filters.sla);
  params.set('sort', filters.sort);
  if (cursor) params.set('cursor', cursor);
  return params.toString();
}

async function call<T>(method: string, path: string, body?: unknown): Promise<TicketApiResult<T>> {
  try {
    const res = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: { accept: 'application/json', ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const json: unknown = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    if (res.ok) return { ok: true, data: json as T };
    const error = json as { code?: ErrorCode; message?: string } | undefined;
    const code = error?.code ?? (res.status === 401 ? 'unauthorized' : 'internal');
    return error?.message ? { ok: false, code, message: error.message } : { ok: false, code };
  } catch {
    return { ok: false, code: 'network' };
  }
}

/** GET /api/ratings/tickets/:number: the customer's rating of the ticket, null when none was given. */
export interface TicketRatingView {
  number: string;
  rating: { score: number; comment?: string; at: number } | null;
}

const ticketPath = (number: string) => `/api/tickets/${encodeURIComponent(number)}`;

export const ticketsApi = {
  list: (filters: TicketFilters, cursor?: string) => call<TicketListResult>('GET', `/api/tickets?${ticketListQuery(filters, cursor)}`),
  detail: (number: string) => call<TicketDetail>('GET', ticketPath(number)),
  /** 转为工单: 201 with the new ticket, or 200 with the one this conversation already made. */
  fromConversation: (conversationId: string) => call<TicketDetail>('POST', '/api/tickets', { conversationId }),
  /** Each change answers the ticket and its whole thread as they now are. */
  reply: (number: string, text: string, files: string[] = []) => call<TicketDetail>('POST', `${ticketPath(number)}/replies`, { ...(text ? { text } : {}), ...(files.length ? { files } : {}) }),
  /** Uploads a file to the ticket (raw bytes, same origin); its id goes with the reply that sends it. */
  upload: async (number: string, file: File): Promise<TicketApiResult<Attachment>> => {
    // Refused here without sending 10 MB the server would refuse too.
    if (file.size > ATTACHMENT_MAX_BYTES) return { ok: false, code: 'too_large' };
    try {
      const res = await fetch(`${ticketPath(number)}/files`, {
        method: 'POST',
        credentials: 'same-origin',
        headers: { accept: 'application/json', 'content-type': file.type || 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
        body: file,
      });
      const body = (await res.json().catch(() => ({}))) as Partial<TicketFileUpload> & { code?: ErrorCode };
      return res.ok && body.file ? { ok: true, data: body.file } : { ok: false, code: body.code ?? 'internal' };
    } catch {
      return { ok: false, code: 'network' };
    }
  },
  /** Where one of the ticket's attachments opens (the session cookie; the server checks the agent may see the ticket). */
  fileHref: (number: string, id: string) => `${ticketPath(number)}/files/${encodeURIComponent(id)}`,
  note: (number: string, text: string) => call<TicketDetail>('POST', `${ticketPath(number)}/notes`, { text }),
  patch: (number: string, patch: TicketPatch) => call<TicketDetail>('PATCH', ticketPath(number), patch),
  rating: (number: string) => call<TicketRatingView>('GET', `/api/ratings/tickets/${encodeURIComponent(number)}`),
  /** Every agent may read the departments (the filter and the department select). */
  departments: () => call<{ departments: Department[] }>('GET', '/api/departments'),
};
