import { hc, type ClientResponse, type InferResponseType } from 'hono/client';
import type { SuccessStatusCode } from 'hono/utils/http-status';
import type { AppType } from '../../server/app';
import type { ApiErrorBody, ApiErrorIssue } from '../../shared/schemas/common';

/**
 * The typed client for every call to the server; there are no other fetch calls.
 * (One documented exception, `uploadImportPreview` below, needs upload progress.)
 */
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

function apiErrorOf(status: number, body: unknown): ApiError {
  if (isErrorBody(body)) {
    return new ApiError(status, body.error.code, body.error.message, body.error.issues ?? []);
  }
  const message =
    FALLBACK_MESSAGES[status] ??
    (status >= 500
      ? 'The server had a problem. Try again in a moment.'
      : `Request failed (${status}).`);
  return new ApiError(status, 'http_error', message);
}

async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, say): fall back to a generic message below.
  }
  return apiErrorOf(res.status, body);
}

const NETWORK_MESSAGE = 'Cannot reach the server. Check your connection and try again.';

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
    throw new ApiError(0, 'network', NETWORK_MESSAGE);
  }
  if (!res.ok) throw await toApiError(res as unknown as Response);
  if (res.status === 204) return undefined as SuccessBody<R>;
  return (await res.json()) as SuccessBody<R>;
}

export type ImportPreviewBody = InferResponseType<
  typeof api.imports.deliverables.preview.$post,
  200
>;

export interface UploadProgressOptions {
  /** Called as the body goes up, with the bytes sent so far and the total. */
  onProgress: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * Uploads a CSV file for `POST /api/imports/deliverables/preview`, reporting
 * upload progress as it goes.
 *
 * The one call not made through the typed client, on purpose: `fetch` cannot
 * say how much of a request body has been sent, and `XMLHttpRequest` can. The
 * path is taken from the client and the answer typed from `AppType`, so the
 * contract is still checked by the compiler; failures become the same
 * `ApiError`s `unwrap` throws (code `aborted` when `signal` cancels it).
 */
export function uploadImportPreview(
  file: File,
  { onProgress, signal }: UploadProgressOptions,
): Promise<ImportPreviewBody> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const form = new FormData();
    form.append('file', file);
    const abort = () => xhr.abort();
    const settle = () => signal?.removeEventListener('abort', abort);
    xhr.open('POST', api.imports.deliverables.preview.$path());
    xhr.responseType = 'text';
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded, event.total);
    });
    xhr.addEventListener('load', () => {
      settle();
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // Not JSON: `apiErrorOf` falls back to a message for the status.
      }
      if (xhr.status >= 200 && xhr.status < 300 && body !== null) {
        resolve(body as ImportPreviewBody);
      } else {
        reject(apiErrorOf(xhr.status, body));
      }
    });
    xhr.addEventListener('error', () => {
      settle();
      reject(new ApiError(0, 'network', NETWORK_MESSAGE));
    });
    xhr.addEventListener('abort', () => {
      settle();
      reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
    });
    if (signal?.aborted) {
      reject(new ApiError(0, 'aborted', 'The upload was cancelled.'));
      return;
    }
    signal?.addEventListener('abort', abort);
    xhr.send(form);
  });
}

/** A readable message for anything thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}
