import type { ReactNode } from 'react';
import { LogoMark } from './app-shell';

export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: string;
  children: ReactNode;
}) {
  return (
    <div className="auth">
      <div className="auth__brand">
        <LogoMark size={36} />
        <span className="auth__product">Sponsorcal</span>
      </div>
      <main className="auth__card">
        <h1 className="auth__title">{title}</h1>
        {subtitle && <p className="auth__subtitle">{subtitle}</p>}
        {children}
      </main>
      <p className="auth__tagline">The content calendar for your sponsored posts.</p>
    </div>
  );
}
