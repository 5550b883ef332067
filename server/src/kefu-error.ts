/** The one error type handlers throw; its code picks the HTTP status and the ack's error code. */
import { ERROR_STATUS, type ErrorBody, type ErrorCode } from '@kefu/shared';

export class KefuError extends Error {
  readonly code: ErrorCode;

  constructor(code: ErrorCode, message: string) {
    super(message);
    this.name = 'KefuError';
    this.code = code;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  toBody(): ErrorBody {
    return { code: this.code, message: this.message };
  }
}

/** The body to send for any thrown value: coded errors as they are, everything else as a bare `internal`. */
export function errorBody(err: unknown): ErrorBody {
  return err instanceof KefuError ? err.toBody() : { code: 'internal', message: 'internal error' };
}
