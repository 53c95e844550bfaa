import { useEffect, useState } from 'react';

/**
 * True when the page was opened with `?new=1` (links such as "Add your first
 * brand" use it to open the create dialog); the parameter is then dropped from
 * the address so a reload does not open the dialog again.
 */
export function useNewParam(): boolean {
  const [requested] = useState(
    () => new URLSearchParams(window.location.search).get('new') === '1',
  );
  useEffect(() => {
    if (!requested) return;
    const params = new URLSearchParams(window.location.search);
    params.delete('new');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
  }, [requested]);
  return requested;
}
