import { api, unwrap } from '../api';
import { keys } from './keys';
import { useInvalidate, useWrite, type Answer, type WriteOptions } from './write';

/** The CSV upload: the file, its column mapping (JSON), how to read its times, and whether to only check. */
export interface ImportForm {
  file: File;
  mapping: string;
  timeZone: string;
  dateOrder: string;
  dryRun: string;
}

const importDeliverables = (form: ImportForm) => unwrap(api.imports.deliverables.$post({ form }));

/** A dry run: what an import of this file would do. Nothing is written. */
export function useCheckImport(
  options: WriteOptions<Answer<typeof importDeliverables>, ImportForm> = {},
) {
  return useWrite(importDeliverables, {}, options);
}

/** The import itself: brands, deals, deliverables, their alerts and the money may all change. */
export function useRunImport(
  options: WriteOptions<Answer<typeof importDeliverables>, ImportForm> = {},
) {
  const invalidate = useInvalidate();
  return useWrite(
    importDeliverables,
    {
      onSuccess: () =>
        invalidate(keys.brands, keys.deals, keys.deliverables, keys.alerts, keys.money),
    },
    options,
  );
}
