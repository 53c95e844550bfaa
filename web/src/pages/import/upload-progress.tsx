import { formatSize } from './import-rules';

export interface UploadState {
  name: string;
  loaded: number;
  total: number;
}

export function UploadProgress({
  upload,
  onCancel,
}: {
  upload: UploadState;
  onCancel: () => void;
}) {
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
