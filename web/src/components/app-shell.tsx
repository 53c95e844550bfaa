import './app-shell.css';
import { useRef, useState, type ReactNode } from 'react';
import { useClickOutside } from '../forms/use-click-outside';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage } from '../api';
import { ROLE_LABELS } from '../format';
import { navigate, usePath } from '../hooks/use-router';
import { useSignOut } from '../resources/auth';
import { useNewRequestCount } from '../resources/requests';
import { ChevronDownIcon } from './icons';
import { Link } from './link';
import { NotificationBell } from './notification-bell';
import { ThemeToggle } from './theme-toggle';
import { SearchBox } from './search-box';
import { GlobalShortcuts } from './shortcuts-dialog';
import { useToast } from './toast';

interface NavItem {
  href: string;
  label: string;
  match: (path: string) => boolean;
  /** Shown to the owner only (the server answers everyone else 403). */
  ownerOnly?: boolean;
}

const NAV: readonly NavItem[] = [
  { href: '/', label: 'Calendar', match: (p: string) => p === '/' },
  { href: '/board', label: 'Board', match: (p: string) => p === '/board' },
  {
    href: '/deals',
    label: 'Deals',
    match: (p: string) => p.startsWith('/deals') || p === '/import',
  },
  { href: '/brands', label: 'Brands', match: (p: string) => p.startsWith('/brands') },
  {
    href: '/money',
    label: 'Money',
    match: (p: string) => p.startsWith('/money') || p.startsWith('/invoices'),
  },
  { href: '/alerts', label: 'Alerts', match: (p: string) => p.startsWith('/alerts') },
  { href: '/requests', label: 'Requests', match: (p: string) => p === '/requests' },
  { href: '/settings', label: 'Settings', match: (p: string) => p.startsWith('/settings') },
  { href: '/team', label: 'Team', match: (p: string) => p === '/team', ownerOnly: true },
  { href: '/audit', label: 'Audit', match: (p: string) => p === '/audit', ownerOnly: true },
  {
    href: '/media-kit',
    label: 'Media kit',
    match: (p: string) => p === '/media-kit',
    ownerOnly: true,
  },
];

/** How many brand requests wait for a decision, beside the nav's Requests. */
function NewRequestCount() {
  const count = useNewRequestCount();
  if (count === 0) return null;
  return (
    <span className="nav__count">
      {' '}
      {count}
      <span className="visually-hidden"> new</span>
    </span>
  );
}

/** One link of the account menu; choosing it closes the menu. */
function MenuLink({
  href,
  onSelect,
  children,
}: {
  href: string;
  onSelect: () => void;
  children: ReactNode;
}) {
  return (
    <Link href={href} role="menuitem" className="user-menu__item" onClick={onSelect}>
      {children}
    </Link>
  );
}

export function LogoMark({ size = 28 }: { size?: number }) {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" width={size} height={size} aria-hidden="true">
      <rect width="32" height="32" rx="8" fill="currentColor" />
      <rect x="7" y="9" width="18" height="16" rx="3" fill="none" stroke="#fff" strokeWidth="2.4" />
      <path d="M7 14h18M12 6v5M20 6v5" stroke="#fff" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="20" cy="20" r="2.2" fill="#fff" />
    </svg>
  );
}

function initials(name: string): string {
  const parts = name.trim().split(/\s+/);
  return (
    (
      (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
    ).toUpperCase() || '?'
  );
}

function UserMenu({ user }: { user: User }) {
  const [open, setOpen] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const toast = useToast();

  useClickOutside(ref, open, () => setOpen(false));

  const signOut = useSignOut({
    onSuccess: () => navigate('/', { replace: true }),
    onError: (error) => toast.error('Could not sign out', errorMessage(error)),
  });

  return (
    <div className="user-menu" ref={ref}>
      <button
        type="button"
        className="user-menu__button"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen((v) => !v)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(user.name)}
        </span>
        <span className="user-menu__name">{user.name}</span>
        <ChevronDownIcon />
        <span className="visually-hidden">Account menu</span>
      </button>
      {open && (
        <div className="popover user-menu__panel" role="menu">
          <div className="user-menu__who">
            <p className="user-menu__full-name">{user.name}</p>
            <p className="muted small">{user.email}</p>
            <p className="small">
              <span className="role-pill">{ROLE_LABELS[user.role]}</span>
              <span className="muted"> · {user.effectiveTimeZone.replace(/_/g, ' ')}</span>
            </p>
          </div>
          <MenuLink href="/profile" onSelect={() => setOpen(false)}>
            Your profile
          </MenuLink>
          <MenuLink href="/settings" onSelect={() => setOpen(false)}>
            Settings
          </MenuLink>
          <button
            type="button"
            role="menuitem"
            className="user-menu__item"
            onClick={() => signOut.mutate()}
            disabled={signOut.isPending}
          >
            Sign out
          </button>
        </div>
      )}
    </div>
  );
}

export function AppShell({ user, children }: { user: User; children: ReactNode }) {
  const path = usePath();
  const [navOpen, setNavOpen] = useState(false);
  const [navPath, setNavPath] = useState(path);
  // Close the phone menu whenever the route changes.
  if (navPath !== path) {
    setNavPath(path);
    setNavOpen(false);
  }

  return (
    <div className="app">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="topbar__inner">
          <button
            type="button"
            className="icon-button topbar__menu"
            aria-expanded={navOpen}
            aria-controls="main-nav"
            onClick={() => setNavOpen((v) => !v)}
          >
            <svg viewBox="0 0 20 20" width="20" height="20" aria-hidden="true">
              <path
                d="M3 6h14M3 10h14M3 14h14"
                stroke="currentColor"
                strokeWidth="1.8"
                strokeLinecap="round"
              />
            </svg>
            <span className="visually-hidden">
              {navOpen ? 'Hide navigation' : 'Show navigation'}
            </span>
          </button>
          <Link href="/" className="logo">
            <LogoMark />
            <span className="logo__text">Sponsorcal</span>
          </Link>
          <nav id="main-nav" className={`nav${navOpen ? ' nav--open' : ''}`} aria-label="Main">
            {NAV.filter((item) => !item.ownerOnly || user.role === 'owner').map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="nav__link"
                aria-current={item.match(path) ? 'page' : undefined}
              >
                {item.label}
                {item.href === '/requests' && <NewRequestCount />}
              </Link>
            ))}
          </nav>
          <div className="topbar__actions">
            <SearchBox />
            <ThemeToggle />
            <div className="topbar__slot" data-slot="notifications">
              <NotificationBell user={user} />
            </div>
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" className="main">
        {children}
      </main>
      <GlobalShortcuts canCreate={user.role !== 'viewer'} />
    </div>
  );
}
