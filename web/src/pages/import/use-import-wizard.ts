import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { User } from '../../../../shared/schemas/auth';
import {
  IMPORT_FIELD_LABELS,
  REQUIRED_IMPORT_FIELDS,
  type DateOrder,
  type ImportMapping,
  type ImportPreview,
  type ImportResult,
} from '../../../../shared/schemas/imports';
import { isApiError, uploadImportPreview } from '../../api';
import { useCheckImport, useRunImport } from '../../resources/imports';
import { defaultDateOrder, fileProblem, mappingFor, uploadErrorMessage } from './import-rules';
import type { UploadState } from './upload-progress';

/**
 * The import wizard's state: the chosen file and its preview (read by uploading it), the
 * mapping and date options, the check and the import. Any change after a check drops it:
 * it no longer says what an import would do.
 */
export function useImportWizard(user: User) {
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

  const refuseFile = (name: string, message: string) => {
    setFileError({ name, message });
    setPreview(null);
    setFile(null);
  };

  const chooseFile = async (chosen: File) => {
    uploadRef.current?.abort();
    resetChecks();
    const problem = fileProblem(chosen);
    if (problem) {
      refuseFile(chosen.name, problem);
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
        refuseFile(chosen.name, 'The file has a header row but no data rows.');
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
      refuseFile(chosen.name, uploadErrorMessage(error));
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

  const changeMapping = (next: ImportMapping) => {
    resetChecks();
    setMappingErrors({});
    setMapping(next);
  };
  const changeTimeZone = (zone: string) => {
    resetChecks();
    setTimeZone(zone);
  };
  const changeDateOrder = (order: DateOrder) => {
    resetChecks();
    setDateOrder(order);
  };

  return {
    file,
    preview,
    upload,
    fileError,
    mapping,
    mappingErrors,
    timeZone,
    dateOrder,
    imported,
    check,
    run,
    resultRef,
    formOf,
    chooseFile,
    cancelUpload,
    startOver,
    submitCheck,
    changeMapping,
    changeTimeZone,
    changeDateOrder,
  };
}
