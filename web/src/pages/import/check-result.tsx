import { useId, type RefObject } from 'react';
import {
  IMPORT_FIELD_LABELS,
  type ImportField,
  type ImportMapping,
  type ImportResult,
} from '../../../../shared/schemas/imports';
import { FilePickButton } from '../../components/file-drop';
import { UploadIcon } from '../../components/icons';
import { plural } from '../../format';
import { ACCEPT, MAX_LISTED_PROBLEMS, readProblems, sendFailedMessage } from './import-rules';
import { TableHead } from '../../components/lists/table-head';
import { ScrollTable } from '../../components/lists/scroll-table';

/** What the last check (or a failed import) found: ready to import, or the rows to fix. */
export function CheckResult({
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
        <ScrollTable
          label="Problems"
          className="import-problems__scroll"
          tableClassName="table table--responsive import-problems__table"
        >
          <TableHead columns={[{ label: 'Row', num: true }, 'Field', 'Problem']} />
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
        </ScrollTable>
      )}
    </section>
  );
}
