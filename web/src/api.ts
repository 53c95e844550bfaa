import { hc, type ClientResponse } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';
import type { ApiErrorBody, ApiErrorIssue } from '../../shared/schemas/common';

/** The typed client for every call to the server; there are no other fetch calls. */
export const client = hc<AppType>('/');
export const api = client.api;

/** A non-2xx answer, carrying the server's `{error: {code, message, issues}}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}

const FALLBACK_MESSAGES: Record<number, string> = {
  401: 'Sign in to continue.',
  403: 'You are not allowed to do this.',
  404: 'Not found.',
  409: 'This was changed by someone else. Reload and try again.',
  413: 'That is too large to save.',
};

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, say): fall back to a generic message below.
  }
  if (isErrorBody(body)) {
    return new ApiError(res.status, body.error.code, body.error.message, body.error.issues ?? []);
  }
  const message =
    FALLBACK_MESSAGES[res.status] ??
    (res.status >= 500
      ? 'The server had a problem. Try again in a moment.'
      : `Request failed (${res.status}).`);
  return new ApiError(res.status, 'http_error', message);
}

type SuccessBody<R> =
  R extends ClientResponse<infer T, infer S, infer F>
    ? S extends SuccessStatusCode
      ? F extends 'json'
        ? T
        : undefined
      : never
    : never;

/**
 * Awaits a typed client call and answers its JSON body; a non-2xx answer
 * (or a network failure) becomes an `ApiError` with a readable message.
 */
export async function unwrap<R extends ClientResponse<unknown, number, string>>(
  call: Promise<R>,
): Promise<SuccessBody<R>> {
  let res: R;
  try {
    res = await call;
  } catch {
    throw new ApiError(
      0,
      'network',
      'Cannot reach the server. Check your connection and try again.',
    );
  }
  if (!res.ok) throw await toApiError(res as unknown as Response);
  if (res.status === 204) return undefined as SuccessBody<R>;
  return (await res.json()) as SuccessBody<R>;
}

/** A readable message for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
