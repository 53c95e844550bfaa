import { api, unwrap } from '../api';
import { useRefreshAll } from './keys';
import { useWrite, type Answer, type WriteOptions } from './write';

const loadSampleData = () => unwrap(api.seed.$post());

/** Loads the sample brands, deals, deliverables and invoices; everything is asked again. */
export function useLoadSampleData(options: WriteOptions<Answer<typeof loadSampleData>> = {}) {
  const refreshAll = useRefreshAll();
  return useWrite(loadSampleData, { onSuccess: () => void refreshAll() }, options);
}
