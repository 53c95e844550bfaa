import type { ApiErrorIssue } from '../shared/schemas/common';

export type ErrorCode =
  | 'invalid_json'
  | 'invalid_body'
  | 'validation_failed'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'version_conflict'
  | 'conflict'
  | 'duplicate'
  | 'payload_too_large'
  | 'too_many_requests'
  | 'last_owner'
  | 'csrf'
  | 'token_read_only'
  | 'session_required'
  | 'not_in_review'
  | 'busy'
  | 'host_not_allowed'
  | 'email_not_configured'
  | 'email_failed'
  | 'internal';

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 421 | 429 | 500 | 502 | 503;

/** Domain code throws this; `app.onError` turns it into the one error shape. */
export class AppError extends Error {
  constructor(
    readonly status: ErrorStatus,
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ApiErrorIssue[],
    /** Extra response headers, e.g. Retry-After on 429. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string) => new AppError(404, 'not_found', `${what} not found`);

export const versionConflict = (what: string) =>
  new AppError(
    409,
    'version_conflict',
    `This ${what} was changed by someone else since you loaded it. Reload it and try again.`,
  );

export const invalidField = (path: string, message: string) =>
  new AppError(400, 'validation_failed', `${path}: ${message}`, [{ path, message }]);
