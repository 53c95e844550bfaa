import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import { keys } from './keys';
import type { Answer, WriteOptions } from './write';

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
  return useMutation({ ...options, mutationFn: importDeliverables });
}

/** The import itself: brands, deals, deliverables, their alerts and the money may all change. */
export function useRunImport(
  options: WriteOptions<Answer<typeof importDeliverables>, ImportForm> = {},
) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: importDeliverables,
    onSuccess: (...args) => {
      for (const key of [keys.brands, keys.deals, keys.deliverables, keys.alerts, keys.money]) {
        void queryClient.invalidateQueries({ queryKey: key });
      }
      return options.onSuccess?.(...args);
    },
  });
}
