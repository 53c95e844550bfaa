import type { User } from '../../../shared/schemas/auth';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { ChannelsSection } from '../components/channels-section';
import { InvoiceDetailsSection } from '../components/invoice-details-section';
import { InvoiceEmailsSection } from '../components/invoice-emails-section';
import { LeadTimesSection } from '../components/lead-times-section';
import { Link } from '../components/link';
import { MyNotificationsSection } from '../components/my-notifications-section';
import { ROLE_LABELS } from '../format';
import { useSettings } from '../resources/settings';
import { PackagesSection } from './settings/packages-section';
import { WorkspaceForm } from './settings/workspace-form';
import { DescriptionItem } from '../components/ui/description-item';

export default function SettingsPage({ user }: { user: User }) {
  const settings = useSettings();
  return (
    <div className="page page--narrow">
      <div className="page-header">
        <div>
          <h1 className="page-title">Settings</h1>
          <p className="page-subtitle">Workspace defaults for everyone on your team.</p>
        </div>
      </div>
      {settings.isPending ? (
        <div className="card">
          <Spinner />
        </div>
      ) : settings.error || !settings.data ? (
        <div className="card">
          <p className="banner banner--error" role="alert">
            {errorMessage(settings.error)}
          </p>
        </div>
      ) : (
        <>
          <WorkspaceForm key={settings.data.version} settings={settings.data} user={user} />
          <LeadTimesSection
            key={`lead-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
          <InvoiceDetailsSection
            key={`invoice-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
          <InvoiceEmailsSection
            key={`emails-${settings.data.version}`}
            settings={settings.data}
            user={user}
          />
        </>
      )}
      <PackagesSection user={user} />
      {user.role === 'owner' && <ChannelsSection />}
      <MyNotificationsSection user={user} />
      <section className="card" aria-labelledby="account-title">
        <div className="section-header">
          <h2 id="account-title" className="section-title">
            Your account
          </h2>
          <Link href="/profile" className="button button--small">
            Edit your profile
          </Link>
        </div>
        <dl className="facts">
          <DescriptionItem term="Name">{user.name}</DescriptionItem>
          <DescriptionItem term="E-mail">{user.email}</DescriptionItem>
          <DescriptionItem term="Role">{ROLE_LABELS[user.role]}</DescriptionItem>
          <DescriptionItem term="Your time zone">
            {user.effectiveTimeZone.replace(/_/g, ' ')}
            {user.timeZone === null && <span className="muted"> (the workspace’s)</span>}
          </DescriptionItem>
        </dl>
      </section>
    </div>
  );
}
