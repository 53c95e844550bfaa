import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, unwrap } from '../api';
import type { Answer, WriteOptions } from './write';

const loadSampleData = () => unwrap(api.seed.$post());

/** Loads the sample brands, deals, deliverables and invoices; everything is asked again. */
export function useLoadSampleData(options: WriteOptions<Answer<typeof loadSampleData>> = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: loadSampleData,
    onSuccess: (...args) => {
      void queryClient.invalidateQueries();
      return options.onSuccess?.(...args);
    },
  });
}
