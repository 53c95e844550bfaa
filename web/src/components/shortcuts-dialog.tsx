import './shortcuts-dialog.css';
import { Fragment, useState } from 'react';
import { navigate } from '../hooks/use-router';
import {
  CALENDAR_SHORTCUTS,
  GLOBAL_SHORTCUTS,
  SEARCH_SHORTCUTS,
  useShortcuts,
  type ShortcutGroup,
} from '../hooks/use-shortcuts';
import { Dialog } from './dialog';
import { focusSearch } from './search-box';

const GO_TO = { calendar: '/', deals: '/deals', money: '/money' } as const;

/** Every shortcut, grouped by where it works; `n` only for those who can create. */
function shortcutGroups(canCreate: boolean): ShortcutGroup[] {
  return [
    {
      title: 'Anywhere',
      shortcuts: GLOBAL_SHORTCUTS.filter((s) => canCreate || s.keys[0] !== 'n'),
    },
    { title: 'Calendar', shortcuts: CALENDAR_SHORTCUTS },
    { title: 'Search', shortcuts: SEARCH_SHORTCUTS },
  ];
}

/** The list of shortcuts, opened with `?`. */
export function ShortcutsDialog({
  canCreate,
  onClose,
}: {
  canCreate: boolean;
  onClose: () => void;
}) {
  return (
    <Dialog
      title="Keyboard shortcuts"
      description="Not while typing in a field or with a dialog open."
      onClose={onClose}
      size="small"
    >
      <div className="shortcuts">
        {shortcutGroups(canCreate).map((group) => (
          <section key={group.title} className="shortcuts__group">
            <h3 className="shortcuts__title">{group.title}</h3>
            <dl className="shortcuts__list">
              {group.shortcuts.map((s) => (
                <div key={s.description} className="shortcuts__item">
                  <dt className="shortcuts__keys">
                    {s.keys.map((key, i) => (
                      <Fragment key={key}>
                        {i > 0 && (
                          <span className="shortcuts__then">{s.either ? ' or ' : ' then '}</span>
                        )}
                        <kbd className="kbd">{key}</kbd>
                      </Fragment>
                    ))}
                  </dt>
                  <dd className="shortcuts__does">{s.description}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
    </Dialog>
  );
}

/**
 * The app's global keys (`n`, `/`, `g c`/`g d`/`g m`, `?`) and the dialog that
 * lists them; mounted once by the app shell.
 */
export function GlobalShortcuts({ canCreate }: { canCreate: boolean }) {
  const [helpOpen, setHelpOpen] = useState(false);
  useShortcuts({
    onNew: canCreate ? () => navigate('/?new=1') : undefined,
    onSearch: focusSearch,
    onHelp: () => setHelpOpen(true),
    onGo: (where) => navigate(GO_TO[where]),
  });
  return helpOpen ? (
    <ShortcutsDialog canCreate={canCreate} onClose={() => setHelpOpen(false)} />
  ) : null;
}
