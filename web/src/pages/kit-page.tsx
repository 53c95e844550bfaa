import './kit-page.css';
import type { User } from '../../../shared/schemas/auth';
import { errorMessage } from '../api';
import { Spinner } from '../components/badges';
import { useCaseStudyCandidates, useMediaKit } from '../resources/kit';
import { useSettings } from '../resources/settings';
import { KitEditor } from './kit/kit-editor';
import { PageHeader } from '../components/ui/page-header';

export default function KitPage({ user }: { user: User }) {
  const kit = useMediaKit();
  const candidates = useCaseStudyCandidates();
  const settings = useSettings();
  const error = kit.error ?? candidates.error;
  return (
    <div className="page page--narrow">
      <PageHeader
        title="Media kit"
        subtitle="Your rates, audience and best results on one public page to send to brands."
      />
      {kit.isPending || candidates.isPending ? (
        <div className="card">
          <Spinner />
        </div>
      ) : error || !kit.data || !candidates.data ? (
        <div className="card">
          <p className="banner banner--error" role="alert">
            {errorMessage(error)}
          </p>
        </div>
      ) : (
        <KitEditor
          key={kit.data.version}
          kit={kit.data}
          candidates={candidates.data}
          defaultCurrency={settings.data?.currency ?? 'USD'}
          user={user}
        />
      )}
    </div>
  );
}
