// Stylesheets in cascade order: FullCalendar's (also imported by the calendar page; loaded once,
// here, so that our tokens and rules follow it), our tokens and shared rules, then each
// component's own stylesheet, imported by the component.
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/breezy/theme.css';
import '@fullcalendar/react/themes/breezy/palettes/indigo.css';
import './styles/tokens.css';
import './styles/base.css';
import './styles/chips-and-tables.css';
import './styles/forms-and-dialogs.css';
import './styles/money-and-lists.css';
// Before anything renders: `autoFocus` as React means it (the app runs on Preact).
import './autofocus';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { isApiError } from './api';
import { App } from './app';
import { ToastProvider } from './components/toast';
import { keys } from './resources/keys';
import { loadTemporal } from './temporal';
import { applyTheme, storedTheme } from './theme';

// Before anything renders (this bundle's first statement): the theme this browser chose, so the
// page never shows the other one first. With none chosen, CSS follows the system setting alone.
applyTheme(storedTheme());

/** A session that expired mid-use sends the user back to the sign-in page. */
function onAnyError(error: unknown): void {
  if (isApiError(error, 401)) queryClient.setQueryData(keys.me, null);
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onAnyError }),
  mutationCache: new MutationCache({ onError: onAnyError }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      // Retry only what may pass: network blips and server errors, never a 4xx.
      retry: (count, error) =>
        count < 2 && (!isApiError(error) || error.status === 0 || error.status >= 500),
    },
  },
});

const root = document.getElementById('root');
if (!root) throw new Error('index.html is missing #root');

// A browser without Temporal first fetches the polyfill (see temporal.ts); one with it renders
// at once.
void loadTemporal().then(() =>
  createRoot(root).render(
    <StrictMode>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <App />
        </ToastProvider>
      </QueryClientProvider>
    </StrictMode>,
  ),
);
