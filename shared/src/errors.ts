/** Closed set of error codes carried by error acknowledgements and HTTP error bodies. */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'invalid_state',
  'rate_limited',
  'too_large',
  'unsupported_type',
  'unavailable',
  'internal',
  /** A handoff on a site whose pre-chat form is required came without its answers (the widget shows the form). */
  'prechat_required',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorBody {
  code: ErrorCode;
  message: string;
}

/** Every acknowledgement: success with data, or a coded error. */
export type Ack<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type AckFn<T> = (res: Ack<T>) => void;

/** HTTP status that goes with each code. */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  invalid_state: 409,
  rate_limited: 429,
  too_large: 413,
  unsupported_type: 415,
  unavailable: 503,
  internal: 500,
  prechat_required: 400,
};

/** Codes a client may retry with the same payload (and the same client id) after a short wait. */
export const RETRYABLE_CODES: readonly ErrorCode[] = ['unavailable', 'rate_limited'];
