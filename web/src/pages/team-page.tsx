import './team-page.css';
import type { User } from '../../../shared/schemas/auth';
import { OwnerOnly } from '../components/owner-only';
import { InvitesSection } from './team/invites-section';
import { MembersSection } from './team/members-section';
import { PageHeader } from '../components/ui/page-header';

/** The owner's page: who is on this install, their roles, and invite links for new teammates. */
export default function TeamPage({ user }: { user: User }) {
  if (user.role !== 'owner') return <OwnerOnly what="the team" />;
  return (
    <div className="page page--team">
      <PageHeader
        title="Team"
        subtitle="Who can use this workspace, and what each of them may do."
      />
      <MembersSection user={user} />
      <InvitesSection user={user} />
    </div>
  );
}
