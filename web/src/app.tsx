import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import type { User } from '../../shared/schemas/auth';
import { errorMessage } from './api';
import { AppShell } from './components/app-shell';
import { Spinner } from './components/badges';
import { Link } from './components/link';
import { useMe, useSetupStatus } from './resources/auth';
import { matchPath, usePath } from './hooks/use-router';
import { CalendarPage } from './pages/calendar-page';

// The calendar is the landing page and ships in the first bundle; the rest load on demand.
const BoardPage = lazy(() => import('./pages/board-page'));
const DealsPage = lazy(() => import('./pages/deals-page'));
const DealDetailPage = lazy(() => import('./pages/deal-detail-page'));
const BrandsPage = lazy(() => import('./pages/brands-page'));
const BrandDetailPage = lazy(() => import('./pages/brand-detail-page'));
const SettingsPage = lazy(() => import('./pages/settings-page'));
const AlertsPage = lazy(() => import('./pages/alerts-page'));
const MoneyPage = lazy(() => import('./pages/money-page'));
const InvoicePrintPage = lazy(() => import('./pages/invoice-print-page'));
const TeamPage = lazy(() => import('./pages/team-page'));
const AuditPage = lazy(() => import('./pages/audit-page'));
const ProfilePage = lazy(() => import('./pages/profile-page'));
const ImportPage = lazy(() => import('./pages/import-page'));
const KitPage = lazy(() => import('./pages/kit-page'));
const RequestsPage = lazy(() => import('./pages/requests-page'));
// Signed-in visits never need these (nor the zod schemas they validate with).
const LoginPage = lazy(() => import('./pages/login-page').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('./pages/setup-page').then((m) => ({ default: m.SetupPage })));
const InvitePage = lazy(() =>
  import('./pages/invite-page').then((m) => ({ default: m.InvitePage })),
);
const ReviewPage = lazy(() =>
  import('./pages/review-page').then((m) => ({ default: m.ReviewPage })),
);
const PayPage = lazy(() => import('./pages/pay-page').then((m) => ({ default: m.PayPage })));
const ReportPage = lazy(() =>
  import('./pages/report-page').then((m) => ({ default: m.ReportPage })),
);
const ProposalPage = lazy(() =>
  import('./pages/proposal-page').then((m) => ({ default: m.ProposalPage })),
);

function FullPage({ children }: { children: ReactNode }) {
  return <div className="full-page">{children}</div>;
}

function Routes({ user }: { user: User }) {
  const path = usePath();
  if (path === '/') return <CalendarPage user={user} />;
  if (path === '/board') return <BoardPage user={user} />;
  if (path === '/deals') return <DealsPage user={user} />;
  const deal = matchPath('/deals/:id', path);
  if (deal) return <DealDetailPage key={deal['id']} user={user} id={deal['id']!} />;
  if (path === '/brands') return <BrandsPage user={user} />;
  const brand = matchPath('/brands/:id', path);
  if (brand) return <BrandDetailPage key={brand['id']} user={user} id={brand['id']!} />;
  if (path === '/settings') return <SettingsPage user={user} />;
  if (path === '/alerts') return <AlertsPage user={user} />;
  if (path === '/money') return <MoneyPage user={user} />;
  if (path === '/team') return <TeamPage user={user} />;
  if (path === '/audit') return <AuditPage user={user} />;
  if (path === '/profile') return <ProfilePage user={user} />;
  if (path === '/import') return <ImportPage user={user} />;
  if (path === '/media-kit') return <KitPage user={user} />;
  if (path === '/requests') return <RequestsPage user={user} />;
  const print = matchPath('/invoices/:id/print', path);
  if (print) return <InvoicePrintPage key={print['id']} user={user} id={print['id']!} />;
  return (
    <div className="page">
      <div className="card empty-inline">
        <p className="empty-inline__title">Page not found</p>
        <p className="muted">There is nothing at {path}.</p>
        <Link href="/" className="button button--primary">
          Back to the calendar
        </Link>
      </div>
    </div>
  );
}

/** A lazily loaded screen that fills the window, with a spinner in its place while it loads. */
function FullPageSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <FullPage>
          <Spinner />
        </FullPage>
      }
    >
      {children}
    </Suspense>
  );
}

/** The links that work signed out, so they are answered before the sign-in decision. */
const TOKEN_PAGES: { pattern: string; Page: ComponentType<{ token: string }> }[] = [
  { pattern: '/invite/:token', Page: InvitePage },
  // A brand's review link: the brand has no account, and nothing of the workspace is shown.
  { pattern: '/review/:token', Page: ReviewPage },
  // A payer's invoice link: no account, nothing of the workspace but this invoice.
  { pattern: '/pay/:token', Page: PayPage },
  // A brand's proposal link: no account, nothing of the workspace but these terms.
  { pattern: '/proposal/:token', Page: ProposalPage },
  // A brand's campaign report: no account, nothing but this deal's results.
  { pattern: '/report/:token', Page: ReportPage },
];

export function App() {
  const path = usePath();
  for (const { pattern, Page } of TOKEN_PAGES) {
    const match = matchPath(pattern, path);
    if (match) {
      return (
        <FullPageSuspense>
          <Page key={match['token']} token={match['token']!} />
        </FullPageSuspense>
      );
    }
  }
  return <Workspace />;
}

/** Decides between first-run setup, sign-in and the app itself. */
function Workspace() {
  const setup = useSetupStatus();
  // GET /api/auth/setup says whether a session cookie is valid, so a visitor skips
  // GET /api/auth/me, whose 401 the browser would otherwise log as a console error.
  const signedOut = setup.data?.signedIn === false;
  const me = useMe(setup.data?.setupRequired === false && !signedOut);
  const waitingForMe = setup.data?.setupRequired === false && !signedOut && me.isPending;

  if (setup.isPending || waitingForMe) {
    return (
      <FullPage>
        <Spinner label="Starting Sponsorcal…" />
      </FullPage>
    );
  }
  const error = setup.error ?? me.error;
  if (error) {
    return (
      <FullPage>
        <div className="card card--center">
          <p className="empty-inline__title">Sponsorcal cannot reach its server</p>
          <p className="muted">{errorMessage(error)}</p>
          <button
            type="button"
            className="button button--primary"
            onClick={() => window.location.reload()}
          >
            Try again
          </button>
        </div>
      </FullPage>
    );
  }
  if (setup.data?.setupRequired) {
    return (
      <FullPageSuspense>
        <SetupPage />
      </FullPageSuspense>
    );
  }
  if (!me.data) {
    return (
      <FullPageSuspense>
        <LoginPage />
      </FullPageSuspense>
    );
  }
  return (
    <AppShell user={me.data}>
      <Suspense fallback={<Spinner />}>
        <Routes user={me.data} />
      </Suspense>
    </AppShell>
  );
}
