import type { ReactNode } from 'react';
import { PublicFrame } from './ui/public-frame';

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
    <PublicFrame logoSize={36} tagline="The content calendar for your sponsored posts.">
      <h1 className="auth__title">{title}</h1>
      {subtitle && <p className="auth__subtitle">{subtitle}</p>}
      {children}
    </PublicFrame>
  );
}
