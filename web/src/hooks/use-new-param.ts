import { useState } from 'react';

/**
 * True once when the page was opened with `?new=1` (links such as "Add your
 * first brand" use it to open the create dialog); the parameter is then dropped.
 */
export function useNewParam(): boolean {
  const [initial] = useState(() => {
    const params = new URLSearchParams(window.location.search);
    if (params.get('new') !== '1') return false;
    params.delete('new');
    const rest = params.toString();
    window.history.replaceState(null, '', window.location.pathname + (rest ? `?${rest}` : ''));
    return true;
  });
  return initial;
}
