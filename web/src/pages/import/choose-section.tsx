import { useId } from 'react';
import { IMPORT_FIELD_LABELS, REQUIRED_IMPORT_FIELDS } from '../../../../shared/schemas/imports';
import { FileDrop } from '../../components/file-drop';
import { DownloadIcon, UploadIcon } from '../../components/icons';
import { exportPaths } from '../../resources/exports';
import { ACCEPT } from './import-rules';
import { UploadProgress, type UploadState } from './upload-progress';

/** Step 1: the drop zone (or the upload's progress), what a file needs, and an example. */
export function ChooseSection({
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
