import { useId, useMemo } from 'react';
import {
  IMPORT_FIELD_LABELS,
  IMPORT_FIELDS,
  type ImportMapping,
  type ImportPreview,
} from '../../../../shared/schemas/imports';
import { FilePickButton } from '../../components/file-drop';
import { UploadIcon } from '../../components/icons';
import { plural } from '../../format';
import { ACCEPT, formatSize } from './import-rules';
import { UploadProgress, type UploadState } from './upload-progress';
import { ScrollTable } from '../../components/lists/scroll-table';

/** The chosen file's first rows, each column marked with the field it fills. */
export function PreviewSection({
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
      <ScrollTable label="The file’s first rows" tableClassName="table import-table">
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
      </ScrollTable>
    </section>
  );
}
