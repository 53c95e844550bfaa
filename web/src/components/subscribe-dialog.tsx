import './subscribe-dialog.css';
import { useId, useState } from 'react';
import type { User } from '../../../shared/schemas/auth';
import type { Feed, FeedCreated, FeedTokenCreate } from '../../../shared/schemas/feed';
import { errorMessage } from '../api';
import { formatInstant } from '../format';
import { NO_FEED, useCreateFeed, useFeed, useTurnOffFeed } from '../resources/me';
import { RelativeTime } from './alert-parts';
import { CopyBox } from './copy-box';
import { Dialog } from './dialog';
import { DialogActions } from './ui/dialog-actions';
import { QueryState } from './query-state';
import { Switch } from './switch';
import { useToast } from './toast';

type FeedContents = Required<FeedTokenCreate>;

const ALL_ON: FeedContents = { drafts: true, goLives: true, invoices: true };

const CONTENTS: ReadonlyArray<{ key: keyof FeedContents; label: string; hint: string }> = [
  { key: 'drafts', label: 'Drafts due', hint: 'When each draft is due for review.' },
  {
    key: 'goLives',
    label: 'Go-lives',
    hint: 'When each post goes live, with a reminder an hour before.',
  },
  {
    key: 'invoices',
    label: 'Invoice due days',
    hint: 'An all-day event on the day each invoice is due.',
  },
];

function contentsOf(feed: Feed): FeedContents {
  return { drafts: feed.drafts, goLives: feed.goLives, invoices: feed.invoices };
}

export interface SubscribeDialogProps {
  user: User;
  onClose: () => void;
}

/**
 * The signed-in user's calendar feed (any role): what it shows, a new secret
 * link shown once with how to subscribe in Google, Apple and Outlook, and
 * turning it off. A new link replaces the old one, which stops working.
 */
export function SubscribeDialog({ user, onClose }: SubscribeDialogProps) {
  const feed = useFeed();
  const toast = useToast();
  const [created, setCreated] = useState<FeedCreated | null>(null);
  // The switches follow the saved feed until the user touches one.
  const [choice, setChoice] = useState<FeedContents | null>(null);
  const [confirmingOff, setConfirmingOff] = useState(false);
  const current = feed.data ?? NO_FEED;
  const contents = choice ?? (current.active ? contentsOf(current) : ALL_ON);
  const nothingChosen = !contents.drafts && !contents.goLives && !contents.invoices;

  const create = useCreateFeed({
    onSuccess: (made) => {
      setCreated(made);
      setChoice(null);
    },
  });

  const turnOff = useTurnOffFeed({
    onSuccess: () => {
      setChoice(null);
      setConfirmingOff(false);
      toast.success('Calendar feed turned off', 'Its link no longer works.');
    },
  });

  const busy = create.isPending || turnOff.isPending;
  const error = create.error ?? turnOff.error;

  const footer = created ? undefined : confirmingOff ? (
    <>
      <p className="footer-start feed-confirm">
        Turn it off? Calendars subscribed to this link stop getting updates.
      </p>
      <DialogActions
        cancelLabel="Keep it on"
        onCancel={() => setConfirmingOff(false)}
        actionLabel="Turn off feed"
        busyLabel="Turning off…"
        busy={turnOff.isPending}
        disabled={busy}
        onAction={() => turnOff.mutate()}
        tone="danger"
      />
    </>
  ) : current.active ? (
    <>
      <button
        type="button"
        className="button button--ghost-danger footer-start"
        onClick={() => {
          turnOff.reset();
          setConfirmingOff(true);
        }}
        disabled={busy}
      >
        Turn off
      </button>
      <DialogActions
        cancelLabel="Close"
        onCancel={onClose}
        actionLabel="New link (the old one stops working)"
        busyLabel="Making a new link…"
        busy={create.isPending}
        disabled={busy || nothingChosen}
        onAction={() => create.mutate(contents)}
      />
    </>
  ) : (
    <DialogActions
      onCancel={onClose}
      actionLabel="Create link"
      busyLabel="Creating…"
      busy={create.isPending}
      disabled={busy || nothingChosen || feed.isPending || Boolean(feed.error)}
      onAction={() => create.mutate(contents)}
    />
  );

  return (
    <Dialog
      title="Subscribe in your calendar app"
      description="See your Sponsorcal dates in Google Calendar, Apple Calendar or Outlook."
      onClose={onClose}
      footer={footer}
    >
      <div className="subscribe">
        {error && (
          <p className="banner banner--error" role="alert">
            {errorMessage(error)}
          </p>
        )}
        <QueryState query={feed}>
          {() =>
            created ? (
              <CopyBox
                title="Your calendar link"
                warning="Copy it now: it is shown only this once. Anyone with the link can see these dates, so keep it to yourself."
                value={created.url}
                label="Calendar feed link"
                onDone={() => setCreated(null)}
              >
                <SubscribeSteps />
              </CopyBox>
            ) : (
              <>
                <p className="subscribe__intro">
                  A private link your calendar app subscribes to. It shows the workspace’s plans
                  from six months back onwards, read-only: change them here, and your calendar app
                  picks the changes up on its next refresh. Anyone with the link can see these
                  dates.
                </p>
                {current.active && <FeedStatus feed={current} timeZone={user.effectiveTimeZone} />}
                <FeedContentsForm
                  contents={contents}
                  onChange={setChoice}
                  disabled={busy || confirmingOff}
                  active={current.active}
                />
                {nothingChosen && (
                  <p className="field__error">Choose at least one kind of event.</p>
                )}
              </>
            )
          }
        </QueryState>
      </div>
    </Dialog>
  );
}

function FeedStatus({ feed, timeZone }: { feed: Feed; timeZone: string }) {
  return (
    <div className="feed-status" data-testid="feed-status">
      <span className="feed-status__dot" aria-hidden="true" />
      <div className="feed-status__text">
        <p className="feed-status__title">Your feed is on</p>
        <p className="muted small">
          {feed.createdAt && <>On since {formatInstant(feed.createdAt, timeZone)} · </>}
          {feed.lastFetchedAt ? (
            <>
              last fetched by a calendar{' '}
              <RelativeTime iso={feed.lastFetchedAt} timeZone={timeZone} />
            </>
          ) : (
            'no calendar has fetched it yet'
          )}
        </p>
      </div>
    </div>
  );
}

function FeedContentsForm({
  contents,
  onChange,
  disabled,
  active,
}: {
  contents: FeedContents;
  onChange: (next: FeedContents) => void;
  disabled: boolean;
  active: boolean;
}) {
  const id = useId();
  return (
    <fieldset className="subscribe__contents" disabled={disabled}>
      <legend className="subsection-title">
        {active ? 'What a new link shows' : 'What the feed shows'}
      </legend>
      {active && (
        <p className="muted small subscribe__note">
          The link you have keeps what it shows; to change it, make a new link.
        </p>
      )}
      {CONTENTS.map(({ key, label, hint }) => (
        <div key={key} className="setting-row">
          <div className="setting-row__text">
            <label htmlFor={`${id}-${key}`} className="setting-row__label">
              {label}
            </label>
            <p id={`${id}-${key}-hint`} className="field__hint">
              {hint}
            </p>
          </div>
          <Switch
            id={`${id}-${key}`}
            aria-describedby={`${id}-${key}-hint`}
            checked={contents[key]}
            onChange={(on) => onChange({ ...contents, [key]: on })}
          />
        </div>
      ))}
    </fieldset>
  );
}

/** How to add the link in the three common apps; subscribing, never a one-off import. */
function SubscribeSteps() {
  return (
    <>
      <p>Add it as a subscription (an import would copy today’s dates once and never update):</p>
      <ol className="subscribe-steps">
        <li>
          <strong>Google Calendar</strong> (on the web): beside <em>Other calendars</em> choose{' '}
          <em>+</em> → <em>From URL</em>, paste the link, then <em>Add calendar</em>.
        </li>
        <li>
          <strong>Apple Calendar</strong> (Mac): <em>File</em> → <em>New Calendar Subscription…</em>
          , paste the link, then <em>Subscribe</em>; pick an auto-refresh such as every 15 minutes.
        </li>
        <li>
          <strong>Outlook</strong>: <em>Add calendar</em> → <em>Subscribe from web</em>, paste the
          link, name it, then <em>Import</em>.
        </li>
      </ol>
      <p className="muted small">
        Calendar apps refresh subscriptions on their own schedule: Apple and Outlook within minutes
        to hours, Google can take several hours. A change here shows up there after their next
        refresh.
      </p>
    </>
  );
}
