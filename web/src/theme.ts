import { useSyncExternalStore } from 'react';

/** "system" follows the device's light/dark setting; the others pin one. */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];

export const THEME_LABELS: Record<ThemeChoice, string> = {
  system: 'System',
  light: 'Light',
  dark: 'Dark',
};

const STORAGE_KEY = 'sponsorcal.theme';

function isThemeChoice(value: unknown): value is ThemeChoice {
  return THEME_CHOICES.includes(value as ThemeChoice);
}

/** The choice remembered in this browser; "system" when none (or storage is unavailable). */
export function storedTheme(): ThemeChoice {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return isThemeChoice(value) ? value : 'system';
  } catch {
    return 'system';
  }
}

/**
 * Pins the page to a theme with `data-theme` on <html> (tokens.css turns it into
 * `color-scheme`), or removes it so the system setting decides.
 */
export function applyTheme(choice: ThemeChoice): void {
  const root = document.documentElement;
  if (choice === 'system') delete root.dataset['theme'];
  else root.dataset['theme'] = choice;
}

const listeners = new Set<() => void>();

/** Remembers the choice, applies it now, and tells every `useTheme`. */
export function saveTheme(choice: ThemeChoice): void {
  try {
    if (choice === 'system') window.localStorage.removeItem(STORAGE_KEY);
    else window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private modes may refuse storage: the choice still holds for this page.
  }
  applyTheme(choice);
  current = choice;
  for (const listener of listeners) listener();
}

let current: ThemeChoice | null = null;

function subscribe(onChange: () => void): () => void {
  listeners.add(onChange);
  // Another tab changed it: follow.
  const onStorage = (event: StorageEvent) => {
    if (event.key !== STORAGE_KEY) return;
    current = storedTheme();
    applyTheme(current);
    onChange();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(onChange);
    window.removeEventListener('storage', onStorage);
  };
}

/** The theme choice, following changes made here or in another tab. */
export function useTheme(): ThemeChoice {
  return useSyncExternalStore(
    subscribe,
    () => (current ??= storedTheme()),
    () => 'system',
  );
}
