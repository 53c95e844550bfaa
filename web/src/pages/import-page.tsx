import './import-page.css';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { User } from '../../../shared/schemas/auth';
import {
  DATE_ORDERS,
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  REQUIRED_IMPORT_FIELDS,
  type DateOrder,
  type ImportField,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../shared/schemas/imports';
import { ApiError, errorMessage, isApiError, uploadImportPreview } from '../api';
import { Field, FormBanner } from '../components/field';
import { FileDrop, FilePickButton } from '../components/file-drop';
import { DownloadIcon, UploadIcon } from '../components/icons';
import { Link } from '../components/link';
import { allTimeZones } from '../components/my-notifications-section';
import { plural } from '../format';
import { exportPaths } from '../resources/exports';
import { useCheckImport, useRunImport } from '../resources/imports';

/** The server's limit for `/api/imports/*` (UPLOADS in server/app.ts), checked before uploading. */
const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** The server reports at most this many row problems; the list shows them all. */
const MAX_LISTED_PROBLEMS = 500;
const ACCEPT = '.csv,text/csv';

const DATE_ORDER_LABELS: Record<DateOrder, string> = {
  DMY: 'Day first — 31/12/2026',
  MDY: 'Month first — 12/31/2026',
  YMD: 'Year first — 2026-12-31',
};

const FIELD_HINTS: Record<ImportField, string> = {
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
};

/** Month first for US English, day first everywhere else; year-first dates read either way. */
function defaultDateOrder(): DateOrder {
  return navigator.language === 'en-US' ? 'MDY' : 'DMY';
}

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file cannot be sent at all, found before uploading it; null when it may be. */
function fileProblem(file: File): string | null {
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
function uploadErrorMessage(error: unknown): string {
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
function mappingFor(next: ImportPreview, previous: ImportPreview | null, chosen: ImportMapping) {
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

interface RowProblem {
  line: number;
  field: string;
  message: string;
}

/** The server's issues, sorted into row problems, mapping and option errors, and the rest. */
function readProblems(error: unknown) {
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
function sendFailedMessage(error: unknown): string | null {
  return isApiError(error) && error.code === 'network'
    ? 'The file could not be sent. If you saved changes to it after choosing it, choose it again; otherwise check your connection.'
    : null;
}

type Step = 1 | 2 | 3;

const STEPS: ReadonlyArray<{ step: Step; label: string }> = [
  { step: 1, label: 'Choose a CSV file' },
  { step: 2, label: 'Match columns and check' },
  { step: 3, label: 'Import' },
];

function Steps({ current }: { current: Step }) {
  return (
    <ol className="wizard" aria-label="Import steps">
      {STEPS.map(({ step, label }) => {
        const state = step < current ? 'done' : step === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`wizard__step wizard__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="wizard__number" aria-hidden="true">
              {state === 'done' ? '✓' : step}
            </span>
            <span className="wizard__label">
              <span className="visually-hidden">Step {step}: </span>
              {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

interface UploadState {
  name: string;
  loaded: number;
  total: number;
}

function UploadProgress({ upload, onCancel }: { upload: UploadState; onCancel: () => void }) {
  const percent = upload.total > 0 ? Math.round((upload.loaded / upload.total) * 100) : 0;
  const sent = upload.total > 0 && upload.loaded >= upload.total;
  return (
    <div className="upload-progress">
      <div className="upload-progress__top">
        <p className="upload-progress__name">
          {sent ? 'Reading' : 'Uploading'} <strong>{upload.name}</strong>
          {sent ? '…' : ` — ${percent}%`}
        </p>
        <button type="button" className="button button--small" onClick={onCancel}>
          Cancel
        </button>
      </div>
      <div
        className="progress"
        role="progressbar"
        aria-label={`Uploading ${upload.name}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
      >
        <span className="progress__bar" style={{ width: `${percent}%` }} />
      </div>
      <p className="muted small">
        {formatSize(upload.loaded)} of {formatSize(upload.total)}
      </p>
    </div>
  );
}

/** CSV import of deliverables (editors and owners): choose a file, map its columns, check, import. */
export default function ImportPage({ user }: { user: User }) {
  if (user.role === 'viewer') {
    return (
      <div className="page">
        <div className="card empty-inline">
          <p className="empty-inline__title">Only editors and owners can import</p>
          <p className="muted">
            Importing adds brands, deals and deliverables. Ask your workspace owner if you need
            something imported.
          </p>
          <Link href="/" className="button button--primary">
            Back to the calendar
          </Link>
        </div>
      </div>
    );
  }
  return <ImportWizard user={user} />;
}

function ImportWizard({ user }: { user: User }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [upload, setUpload] = useState<UploadState | null>(null);
  const [fileError, setFileError] = useState<{ name: string; message: string } | null>(null);
  const [mapping, setMapping] = useState<ImportMapping>({});
  const [mappingErrors, setMappingErrors] = useState<Record<string, string>>({});
  const [timeZone, setTimeZone] = useState(user.effectiveTimeZone);
  const [dateOrder, setDateOrder] = useState<DateOrder>(defaultDateOrder);
  const [imported, setImported] = useState<ImportResult | null>(null);
  const uploadRef = useRef<AbortController | null>(null);
  // The last file read, even after a failed replacement: a corrected file keeps its mapping.
  const lastPreview = useRef<ImportPreview | null>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => () => uploadRef.current?.abort(), []);

  const formOf = (dryRun: boolean) => {
    const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => column));
    return {
      file: file!,
      mapping: JSON.stringify(chosen),
      timeZone,
      dateOrder,
      dryRun: dryRun ? 'true' : 'false',
    };
  };

  const check = useCheckImport();
  // The outcome of a check is read next: focus (and scroll to) its heading.
  useEffect(() => {
    const heading = resultRef.current;
    if (!heading || !(check.isSuccess || check.isError)) return;
    heading.focus({ preventScroll: true });
    heading.closest('section')?.scrollIntoView({ block: 'start', behavior: 'smooth' });
  }, [check.isSuccess, check.isError]);

  const run = useRunImport({
    onSuccess: (result) => {
      setImported(result);
      window.scrollTo(0, 0);
    },
  });

  /** Anything changed: the last check no longer says what an import would do. */
  const resetChecks = () => {
    check.reset();
    run.reset();
  };

  const chooseFile = async (chosen: File) => {
    uploadRef.current?.abort();
    resetChecks();
    const problem = fileProblem(chosen);
    if (problem) {
      setFileError({ name: chosen.name, message: problem });
      setPreview(null);
      setFile(null);
      return;
    }
    const controller = new AbortController();
    uploadRef.current = controller;
    setFileError(null);
    setUpload({ name: chosen.name, loaded: 0, total: chosen.size });
    try {
      const next = await uploadImportPreview(chosen, {
        signal: controller.signal,
        onProgress: (loaded, total) => setUpload({ name: chosen.name, loaded, total }),
      });
      if (next.rowCount === 0) {
        setFileError({
          name: chosen.name,
          message: 'The file has a header row but no data rows.',
        });
        setPreview(null);
        setFile(null);
      } else {
        const previous = lastPreview.current;
        lastPreview.current = next;
        setMapping((current) => mappingFor(next, previous, current));
        setMappingErrors({});
        setPreview(next);
        setFile(chosen);
      }
    } catch (error) {
      if (isApiError(error) && error.code === 'aborted') return;
      setFileError({ name: chosen.name, message: uploadErrorMessage(error) });
      setPreview(null);
      setFile(null);
    } finally {
      if (uploadRef.current === controller) {
        uploadRef.current = null;
        setUpload(null);
      }
    }
  };

  const cancelUpload = () => {
    uploadRef.current?.abort();
    uploadRef.current = null;
    setUpload(null);
  };

  const startOver = () => {
    resetChecks();
    setImported(null);
    setPreview(null);
    setFile(null);
    setMapping({});
    setMappingErrors({});
    lastPreview.current = null;
  };

  const submitCheck = (event: FormEvent) => {
    event.preventDefault();
    resetChecks();
    const missing: Record<string, string> = {};
    for (const field of REQUIRED_IMPORT_FIELDS) {
      if (!mapping[field]) {
        missing[`mapping.${field}`] = `Choose the column for ${IMPORT_FIELD_LABELS[field]}`;
      }
    }
    setMappingErrors(missing);
    if (Object.keys(missing).length > 0) return;
    check.mutate(formOf(true));
  };

  const step: Step = imported ? 3 : preview && file ? 2 : 1;

  return (
    <div className="page page--import">
      <Link href="/deals" className="back-link">
        ← Deals
      </Link>
      <div className="page-header">
        <div>
          <h1 className="page-title">Import deliverables</h1>
          <p className="page-subtitle">
            From a spreadsheet saved as CSV: one row per post, with its brand and deal. Nothing is
            imported until every row is right.
          </p>
        </div>
      </div>
      <Steps current={step} />

      {imported ? (
        <ImportDone result={imported} onAgain={startOver} />
      ) : preview && file ? (
        <>
          <PreviewSection
            file={file}
            preview={preview}
            mapping={mapping}
            upload={upload}
            busy={check.isPending || run.isPending}
            onFile={(f) => void chooseFile(f)}
            onCancelUpload={cancelUpload}
          />
          <MappingSection
            preview={preview}
            mapping={mapping}
            errors={{ ...readProblems(check.error ?? run.error).fields, ...mappingErrors }}
            timeZone={timeZone}
            dateOrder={dateOrder}
            checking={check.isPending}
            disabled={upload !== null || run.isPending}
            onMapping={(next) => {
              resetChecks();
              setMappingErrors({});
              setMapping(next);
            }}
            onTimeZone={(zone) => {
              resetChecks();
              setTimeZone(zone);
            }}
            onDateOrder={(order) => {
              resetChecks();
              setDateOrder(order);
            }}
            onSubmit={submitCheck}
          />
          {(check.isSuccess || check.isError || run.isError) && (
            <CheckResult
              headingRef={resultRef}
              ready={check.data ?? null}
              error={run.error ?? check.error}
              mapping={mapping}
              importing={run.isPending}
              uploading={upload !== null}
              onImport={() => run.mutate(formOf(false))}
              onFile={(f) => void chooseFile(f)}
            />
          )}
        </>
      ) : (
        <ChooseSection
          upload={upload}
          error={fileError}
          onFile={(f) => void chooseFile(f)}
          onCancelUpload={cancelUpload}
        />
      )}
    </div>
  );
}

function ChooseSection({
  upload,
  error,
  onFile,
  onCancelUpload,
}: {
  upload: UploadState | null;
  error: { name: string; message: string } | null;
  onFile: (file: File) => void;
  onCancelUpload: () => void;
}) {
  const titleId = useId();
  return (
    <section className="card import-choose" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Choose a CSV file
      </h2>
      {error && (
        <div className="banner banner--error import-file-error" role="alert">
          <div>
            <p className="strong-inherit">{error.name} cannot be imported</p>
            <p>{error.message}</p>
          </div>
        </div>
      )}
      {upload ? (
        <UploadProgress upload={upload} onCancel={onCancelUpload} />
      ) : (
        <FileDrop label="CSV file" accept={ACCEPT} onFile={onFile}>
          <span className="file-drop__icon">
            <UploadIcon size={22} />
          </span>
          <span className="file-drop__title">
            Drop a CSV file here, or <span className="file-drop__link">choose a file</span>
          </span>
          <span className="muted small">UTF-8 CSV with a header row, up to 20 MB.</span>
        </FileDrop>
      )}
      <div className="import-help">
        <div>
          <h3 className="subsection-title">What the file needs</h3>
          <p className="small">
            A header row, then one row per deliverable. Four columns are required:{' '}
            {REQUIRED_IMPORT_FIELDS.map((f) => IMPORT_FIELD_LABELS[f]).join(', ')}. Dates, status,
            fee, caption and links are optional. You match the columns to these fields next, so any
            header names work.
          </p>
        </div>
        <div>
          <h3 className="subsection-title">Saving as CSV</h3>
          <p className="small">
            Excel: <em>File → Save As → CSV UTF-8</em>. Google Sheets:{' '}
            <em>File → Download → Comma-separated values</em>. Numbers:{' '}
            <em>File → Export To → CSV</em>, Unicode (UTF-8).
          </p>
        </div>
        <div>
          <h3 className="subsection-title">An example</h3>
          <p className="small">
            A deliverables export from Sponsorcal imports as it is.{' '}
            <a href={exportPaths.deliverables()} download className="with-icon">
              <DownloadIcon /> Export your deliverables
            </a>
          </p>
        </div>
      </div>
    </section>
  );
}

function PreviewSection({
  file,
  preview,
  mapping,
  upload,
  busy,
  onFile,
  onCancelUpload,
}: {
  file: File;
  preview: ImportPreview;
  mapping: ImportMapping;
  upload: UploadState | null;
  busy: boolean;
  onFile: (file: File) => void;
  onCancelUpload: () => void;
}) {
  const titleId = useId();
  const fieldOfColumn = useMemo(() => {
    const byColumn = new Map<string, string[]>();
    for (const field of IMPORT_FIELDS) {
      const column = mapping[field];
      if (column)
        byColumn.set(column, [...(byColumn.get(column) ?? []), IMPORT_FIELD_LABELS[field]]);
    }
    return byColumn;
  }, [mapping]);
  const shown = preview.rows.length;

  return (
    <section className="card card--flush import-preview" aria-labelledby={titleId}>
      <div className="import-preview__head">
        <div className="import-file">
          <span className="import-file__icon" aria-hidden="true">
            CSV
          </span>
          <div className="import-file__text">
            <h2 id={titleId} className="section-title import-file__name">
              {file.name}
            </h2>
            <p className="muted small">
              {plural(preview.rowCount, 'row')} · {plural(preview.headers.length, 'column')} ·{' '}
              {formatSize(file.size)}
              {preview.rowCount > shown ? ` · the first ${shown} rows below` : ''}
            </p>
          </div>
        </div>
        {upload ? null : (
          <FilePickButton
            label="Choose another file"
            accept={ACCEPT}
            onFile={onFile}
            disabled={busy}
          >
            <UploadIcon /> Choose another file
          </FilePickButton>
        )}
      </div>
      {upload && (
        <div className="import-preview__upload">
          <UploadProgress upload={upload} onCancel={onCancelUpload} />
        </div>
      )}
      <div className="table-scroll" role="region" tabIndex={0} aria-label="The file’s first rows">
        <table className="table import-table">
          <thead>
            <tr>
              <th scope="col" className="num">
                Row
              </th>
              {preview.headers.map((header) => (
                <th key={header} scope="col">
                  <span className="import-table__header">{header}</span>
                  {fieldOfColumn.has(header) ? (
                    <span className="import-table__field">
                      → {fieldOfColumn.get(header)!.join(', ')}
                    </span>
                  ) : (
                    <span className="import-table__field import-table__field--unused">
                      not imported
                    </span>
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.rows.map((row, index) => (
              <tr key={index}>
                <td className="num muted">{index + 2}</td>
                {row.map((value, column) => (
                  <td key={column} title={value.length > 40 ? value : undefined}>
                    <span className="import-table__cell">{value}</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

const DATE_FIELDS: readonly ImportField[] = ['draftDueAt', 'publishAt'];

/** The mapping form's groups: what every row needs, its dates (with how to read them), the rest. */
const FIELD_GROUPS: ReadonlyArray<{ title: string; fields: readonly ImportField[] }> = [
  { title: 'Brand, deal and post', fields: REQUIRED_IMPORT_FIELDS },
  { title: 'Dates', fields: DATE_FIELDS },
  {
    title: 'Optional details',
    fields: IMPORT_FIELDS.filter(
      (f) => !REQUIRED_IMPORT_FIELDS.includes(f) && !DATE_FIELDS.includes(f),
    ),
  },
];

function MappingSection({
  preview,
  mapping,
  errors,
  timeZone,
  dateOrder,
  checking,
  disabled,
  onMapping,
  onTimeZone,
  onDateOrder,
  onSubmit,
}: {
  preview: ImportPreview;
  mapping: ImportMapping;
  errors: Record<string, string>;
  timeZone: string;
  dateOrder: DateOrder;
  checking: boolean;
  disabled: boolean;
  onMapping: (next: ImportMapping) => void;
  onTimeZone: (zone: string) => void;
  onDateOrder: (order: DateOrder) => void;
  onSubmit: (event: FormEvent) => void;
}) {
  const titleId = useId();
  const zones = useMemo(() => allTimeZones(timeZone), [timeZone]);
  const mappingProblem = Object.keys(errors).some((k) => k.startsWith('mapping.'));

  const columnField = (field: ImportField) => {
    const required = REQUIRED_IMPORT_FIELDS.includes(field);
    return (
      <Field
        key={field}
        label={IMPORT_FIELD_LABELS[field]}
        required={required}
        hint={FIELD_HINTS[field]}
        error={errors[`mapping.${field}`]}
      >
        {(p) => (
          <select
            {...p}
            value={mapping[field] ?? ''}
            onChange={(e) => {
              const next = { ...mapping };
              if (e.target.value) next[field] = e.target.value;
              else delete next[field];
              onMapping(next);
            }}
          >
            <option value="">{required ? '— Choose a column —' : '— Not in this file —'}</option>
            {preview.headers.map((header) => (
              <option key={header} value={header}>
                {header}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId} className="section-title">
        Match the columns
      </h2>
      <p className="section-intro muted">
        Which column of your file fills each field. Columns were matched by their names; check them,
        and leave a field out when the file has no such column.
      </p>
      <FormBanner message={mappingProblem ? 'Check the highlighted columns.' : null} />
      <form className="form" onSubmit={onSubmit} noValidate aria-labelledby={titleId}>
        <fieldset className="form__fieldset mapping" disabled={disabled}>
          {FIELD_GROUPS.map((group) => (
            <div key={group.title} className="mapping__group">
              <h3 className="subsection-title">{group.title}</h3>
              <div className="mapping-grid">
                {group.fields.map(columnField)}
                {group.fields === DATE_FIELDS && (
                  <>
                    <Field
                      label="Time zone"
                      hint="For times written without a zone (most spreadsheets)."
                      error={errors['timeZone']}
                    >
                      {(p) => (
                        <select
                          {...p}
                          value={timeZone}
                          onChange={(e) => onTimeZone(e.target.value)}
                        >
                          {zones.map((z) => (
                            <option key={z} value={z}>
                              {z.replace(/_/g, ' ')}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                    <Field
                      label="Date order"
                      hint="How 03/04/2026 reads in this file."
                      error={errors['dateOrder']}
                    >
                      {(p) => (
                        <select
                          {...p}
                          value={dateOrder}
                          onChange={(e) => onDateOrder(e.target.value as DateOrder)}
                        >
                          {DATE_ORDERS.map((order) => (
                            <option key={order} value={order}>
                              {DATE_ORDER_LABELS[order]}
                            </option>
                          ))}
                        </select>
                      )}
                    </Field>
                  </>
                )}
              </div>
            </div>
          ))}
          <div className="form__actions">
            <button type="submit" className="button button--primary" disabled={checking}>
              {checking ? 'Checking every row…' : 'Check file'}
            </button>
          </div>
        </fieldset>
      </form>
    </section>
  );
}

function CheckResult({
  headingRef,
  ready,
  error,
  mapping,
  importing,
  uploading,
  onImport,
  onFile,
}: {
  headingRef: RefObject<HTMLHeadingElement | null>;
  ready: ImportResult | null;
  error: unknown;
  mapping: ImportMapping;
  importing: boolean;
  uploading: boolean;
  onImport: () => void;
  onFile: (file: File) => void;
}) {
  const titleId = useId();
  const problems = readProblems(error);
  const columnOf = (field: string) =>
    field in mapping ? mapping[field as ImportField] : undefined;
  const labelOf = (field: string) =>
    (IMPORT_FIELD_LABELS as Record<string, string | undefined>)[field] ?? field;

  if (ready && !error) {
    const { created } = ready;
    return (
      <section className="card import-ready" aria-labelledby={titleId}>
        <div className="import-ready__text">
          <span className="import-ready__icon" aria-hidden="true">
            ✓
          </span>
          <div>
            <h2 id={titleId} ref={headingRef} tabIndex={-1} className="section-title">
              Ready: {plural(created.deliverables, 'deliverable')},{' '}
              {plural(created.deals, 'new deal')}, {plural(created.brands, 'new brand')}
            </h2>
            <p className="muted small">
              Every row checked. Brands and deals that already exist (by name) are reused.
            </p>
          </div>
        </div>
        <button
          type="button"
          className="button button--primary"
          onClick={onImport}
          disabled={importing || uploading}
        >
          {importing ? 'Importing…' : `Import ${plural(created.deliverables, 'deliverable')}`}
        </button>
      </section>
    );
  }

  const lines = new Set(problems.rows.map((p) => p.line));
  const sendFailed = sendFailedMessage(error);
  return (
    <section className="card card--flush import-problems" aria-labelledby={titleId}>
      <div className="import-problems__head">
        <div>
          <h2 id={titleId} ref={headingRef} tabIndex={-1} className="section-title">
            {problems.rows.length > 0 ? (
              <>
                {problems.rows.length >= MAX_LISTED_PROBLEMS
                  ? `The first ${MAX_LISTED_PROBLEMS} problems`
                  : plural(problems.rows.length, 'problem')}{' '}
                in {plural(lines.size, 'row')}
              </>
            ) : (
              'The file could not be checked'
            )}
          </h2>
          <p className="muted small">
            {problems.rows.length > 0
              ? 'Nothing was imported. Fix these rows in your spreadsheet, save it as CSV again and upload the corrected file.'
              : (sendFailed ?? problems.message)}
          </p>
        </div>
        <FilePickButton
          label="Upload corrected file"
          accept={ACCEPT}
          onFile={onFile}
          disabled={uploading}
          className="button--primary"
        >
          <UploadIcon /> Upload corrected file
        </FilePickButton>
      </div>
      {problems.rows.length > 0 && (
        <div
          className="table-scroll import-problems__scroll"
          role="region"
          tabIndex={0}
          aria-label="Problems"
        >
          <table className="table table--responsive import-problems__table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  Row
                </th>
                <th scope="col">Field</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {problems.rows.map((problem, index) => (
                <tr key={index} data-testid="import-problem">
                  <td className="num strong" data-label="Row">
                    {problem.line}
                  </td>
                  <td data-label="Field">
                    <span className="strong">{labelOf(problem.field)}</span>{' '}
                    {columnOf(problem.field) && (
                      <span className="muted small block">column “{columnOf(problem.field)}”</span>
                    )}
                  </td>
                  <td className="import-problems__message" data-label="Problem">
                    {problem.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function ImportDone({ result, onAgain }: { result: ImportResult; onAgain: () => void }) {
  const { created } = result;
  const extras = [
    created.deals > 0 ? plural(created.deals, 'new deal') : null,
    created.brands > 0 ? plural(created.brands, 'new brand') : null,
  ].filter(Boolean);
  return (
    <section className="card empty-state import-done" aria-labelledby="import-done-title">
      <span className="import-done__icon" aria-hidden="true">
        ✓
      </span>
      <h2 id="import-done-title" className="empty-state__title">
        Imported {plural(created.deliverables, 'deliverable')}
      </h2>
      <p className="empty-state__text">
        {extras.length > 0
          ? `${extras.join(' and ')} ${created.deals + created.brands === 1 ? 'was' : 'were'} created; brands and deals you already had were reused by name.`
          : 'They were added to brands and deals you already had.'}{' '}
        Those with a draft due date or go-live are on the calendar.
      </p>
      <div className="empty-state__actions">
        <Link href="/" className="button button--primary">
          Open the calendar
        </Link>
        <Link href="/deals" className="button">
          See the deals
        </Link>
        <button type="button" className="button" onClick={onAgain}>
          Import another file
        </button>
      </div>
    </section>
  );
}
