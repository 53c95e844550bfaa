import './profile-page.css';
import type { User } from '../../../shared/schemas/auth';
import { ROLE_LABELS } from '../format';
import { PasswordSection } from './profile/password-section';
import { ProfileForm } from './profile/profile-form';
import { SessionsSection } from './profile/sessions-section';
import { TokensSection } from './profile/tokens-section';
import { PageHeader } from '../components/ui/page-header';

/** The signed-in user's own account: profile, password, sessions and API tokens (any role). */
export default function ProfilePage({ user }: { user: User }) {
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Your profile"
        subtitle={
          <span>
            {user.email} · <span className="role-pill">{ROLE_LABELS[user.role]}</span>
          </span>
        }
      />
      <ProfileForm key={user.version} user={user} />
      <PasswordSection />
      <SessionsSection user={user} />
      <TokensSection user={user} />
    </div>
  );
}
