import {
  IMPORT_FIELDS,
  type DateOrder,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
} from '../../../../shared/schemas/imports';
import { ApiError, errorMessage, isApiError } from '../../api';

/** The server's limit for `/api/imports/*` (UPLOADS in server/app.ts), checked before uploading. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The server reports at most this many row problems; the list shows them all. */
export const MAX_LISTED_PROBLEMS = 500;
export const ACCEPT = '.csv,text/csv';

export const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  DMY: 'Day first — 31/12/2026',
  MDY: 'Month first — 12/31/2026',
  YMD: 'Year first — 2026-12-31',
};

export const FIELD_HINTS: Record<ImportField, string> = {
  brand: 'Found by name (any case), or created.',
  deal: 'Found by name within its brand, or created.',
  title: 'What the post is called on the calendar.',
  platform: 'Instagram, TikTok, YouTube… (IG, YT, TT work too).',
  format: 'Reel, story, post, video, short… Post when empty.',
  status: 'Planned when empty (published with a live URL).',
  draftDueAt: 'When the draft is due. A date alone means 09:00.',
  publishAt: 'When it posts. A date alone means 09:00.',
  fee: 'Only for deals the import creates.',
  currency: 'Such as USD or EUR; the workspace’s when empty.',
  caption: 'Optional text.',
  brief: 'Optional text.',
  liveUrl: 'The published post’s address.',
  disclosureDone: 'Yes or no; when empty, yes if any disclosure item is.',
  paidPartnershipLabel: 'Yes or no (no when empty).',
  adInCaption: 'Yes or no (no when empty).',
  brandedContentToggle: 'Yes or no (no when empty).',
  views: 'A whole number; empty when not known.',
  likes: 'A whole number; empty when not known.',
  comments: 'A whole number; empty when not known.',
  shares: 'A whole number; empty when not known.',
  saves: 'A whole number; empty when not known.',
  clicks: 'A whole number; empty when not known.',
};

/** Month first for US English, day first everywhere else; year-first dates read either way. */
export function defaultDateOrder(): DateOrder {
  return navigator.language === 'en-US' ? 'MDY' : 'DMY';
}

export function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file cannot be sent at all, found before uploading it; null when it may be. */
export function fileProblem(file: File): string | null {
  if (file.size > MAX_FILE_BYTES) {
    return `The file is ${formatSize(file.size)}; the limit is 20 MB. Split it into smaller files and import them one after another.`;
  }
  if (file.size === 0) return 'The file is empty: expected a header row and data rows.';
  if (/\.(xlsx|xlsm|xls|ods|numbers)$/i.test(file.name)) {
    return 'This is a spreadsheet workbook, not a CSV file. In your spreadsheet app, save or download it as “CSV UTF-8” and choose that file.';
  }
  return null;
}

/** The message for a file the server refused (its encoding, its CSV, its size). */
export function uploadErrorMessage(error: unknown): string {
  if (isApiError(error, 413)) {
    return 'The file is larger than 20 MB. Split it into smaller files and import them one after another.';
  }
  if (error instanceof ApiError) {
    return error.issues.find((i) => i.path === 'file')?.message ?? error.message;
  }
  return errorMessage(error);
}

/**
 * The mapping for a newly uploaded file: the same file layout keeps every
 * choice made; otherwise choices whose column still exists are kept and the
 * rest follow the new file's suggestion.
 */
export function mappingFor(
  next: ImportPreview,
  previous: ImportPreview | null,
  chosen: ImportMapping,
) {
  if (!previous) return next.suggestedMapping;
  if (previous.headers.join('\u0000') === next.headers.join('\u0000')) return chosen;
  const merged: ImportMapping = {};
  for (const field of IMPORT_FIELDS) {
    const column = chosen[field];
    const kept = column && next.headers.includes(column) ? column : next.suggestedMapping[field];
    if (kept) merged[field] = kept;
  }
  return merged;
}

export interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** The server's issues, sorted into row problems, mapping and option errors, and the rest. */
export function readProblems(error: unknown) {
  const rows: RowProblem[] = [];
  const fields: Record<string, string> = {};
  let message: string | null = null;
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const row = /^row\.(\d+)\.(.+)$/.exec(issue.path);
      if (row) rows.push({ line: Number(row[1]), field: row[2]!, message: issue.message });
      else if (!(issue.path in fields)) fields[issue.path] = issue.message;
    }
    if (rows.length === 0) message = error.message;
  } else if (error) {
    message = errorMessage(error);
  }
  return { rows: rows.slice(0, MAX_LISTED_PROBLEMS), fields, message };
}

/** A request that never reached the server: often a file changed on disk after it was chosen. */
export function sendFailedMessage(error: unknown): string | null {
  return isApiError(error) && error.code === 'network'
    ? 'The file could not be sent. If you saved changes to it after choosing it, choose it again; otherwise check your connection.'
    : null;
}
