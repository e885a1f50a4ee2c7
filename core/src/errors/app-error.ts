import { ERRORS, type ErrorCode } from './catalogue.ts';

import type { Problem } from '@bianmin/contract';

/** One problem inside a request (pointer e.g. /data/applicant/idNumber): the API's `details` entries. */
export type ErrorDetail = Problem;

/** An error the API answers as `{ error: { code, message, details? } }` with the catalogue's status. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: ErrorDetail[];
  /** Further fields of the answer's `error` object, e.g. a lock-out's `unlockAt`. */
  readonly extra?: Record<string, string | number>;

  constructor(code: ErrorCode, message?: string, details?: ErrorDetail[], extra?: Record<string, string | number>) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    if (details && details.length > 0) this.details = details;
    if (extra) this.extra = extra;
  }

  toJSON(): { error: { code: ErrorCode; message: string; details?: ErrorDetail[] } } {
    return { error: { ...this.extra, code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) } };
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
