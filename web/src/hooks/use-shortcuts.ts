import { useEffect, useRef } from 'react';

/** One entry of the shortcuts dialog: its keys, pressed in turn (or `either` of them), and what they do. */
export interface ShortcutHelp {
  keys: string[];
  either?: boolean;
  description: string;
}

export interface ShortcutGroup {
  title: string;
  shortcuts: ShortcutHelp[];
}

/** Anywhere in the app (not while typing or with a dialog open). */
export const GLOBAL_SHORTCUTS: ShortcutHelp[] = [
  { keys: ['n'], description: 'New deliverable' },
  { keys: ['/'], description: 'Search everywhere' },
  { keys: ['g', 'c'], description: 'Go to the calendar' },
  { keys: ['g', 'd'], description: 'Go to deals' },
  { keys: ['g', 'm'], description: 'Go to money' },
  { keys: ['?'], description: 'Show these shortcuts' },
];

/** The calendar's own keys, on a focused day or event (the calendar handles them). */
export const CALENDAR_SHORTCUTS: ShortcutHelp[] = [
  { keys: ['Enter'], description: 'On a day: new deliverable that day' },
  { keys: ['Enter'], description: 'On an event: open it (focus comes back when it closes)' },
  {
    keys: ['Alt+→', 'Alt+←'],
    either: true,
    description: 'On an event: move it a day later / earlier, with Undo',
  },
];

/** In the search box. */
export const SEARCH_SHORTCUTS: ShortcutHelp[] = [
  { keys: ['↑', '↓'], either: true, description: 'Move through the results' },
  { keys: ['Enter'], description: 'Open the result' },
  { keys: ['Esc'], description: 'Close the results, then clear the search' },
];

/** How long the second key of a `g …` pair may wait for. */
const SEQUENCE_MS = 1500;

/** True while the user types into something: a shortcut key is then a character. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  return (
    target.closest('input, textarea, select, [contenteditable=""], [contenteditable="true"]') !==
    null
  );
}

/** A modal dialog is open: its own keys (Escape among them) are the only ones that count. */
const dialogOpen = () => document.querySelector('dialog[open]') !== null;

export interface ShortcutHandlers {
  /** `n`; left out for those who cannot create. */
  onNew?: () => void;
  onSearch: () => void;
  onHelp: () => void;
  /** `g` then `c`, `d` or `m`. */
  onGo: (where: 'calendar' | 'deals' | 'money') => void;
}

const GO_KEYS = { c: 'calendar', d: 'deals', m: 'money' } as const;

/**
 * The app's global keyboard shortcuts, listened to on the document. None fires
 * while focus is in a field, with Ctrl, Alt or Meta held, or while a dialog is
 * open; a shortcut that fires takes the key (the browser does not also act on it).
 */
export function useShortcuts(handlers: ShortcutHandlers): void {
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    let pendingG = 0;
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      if (event.ctrlKey || event.altKey || event.metaKey) return;
      if (isTypingTarget(event.target) || dialogOpen()) return;
      const h = ref.current;
      const key = event.key;
      if (pendingG && event.timeStamp - pendingG <= SEQUENCE_MS && key in GO_KEYS) {
        pendingG = 0;
        event.preventDefault();
        h.onGo(GO_KEYS[key as keyof typeof GO_KEYS]);
        return;
      }
      pendingG = 0;
      if (key === 'g') {
        pendingG = event.timeStamp;
      } else if (key === '/') {
        event.preventDefault();
        h.onSearch();
      } else if (key === '?') {
        event.preventDefault();
        h.onHelp();
      } else if (key === 'n' && h.onNew) {
        event.preventDefault();
        h.onNew();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
}
