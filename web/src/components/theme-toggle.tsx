import './theme-toggle.css';
import { useId } from 'react';
import { EnumSelect } from '../forms/enum-select';
import { Icon, Stroke } from './icons';
import { saveTheme, THEME_CHOICES, THEME_LABELS, useTheme, type ThemeChoice } from '../theme';

const ICONS: Record<ThemeChoice, string> = {
  system: 'M3 4.5h14v9H3zM7.5 16.5h5M10 13.5v3',
  light:
    'M10 6.5a3.5 3.5 0 1 1 0 7a3.5 3.5 0 1 1 0-7M10 2v1.5M10 16.5V18M2 10h1.5M16.5 10H18M4.4 4.4l1 1M14.6 14.6l1 1M4.4 15.6l1-1M14.6 5.4l1-1',
  dark: 'M16 12.5A6.5 6.5 0 0 1 7.5 4a6.5 6.5 0 1 0 8.5 8.5z',
};

/** System / Light / Dark, remembered in this browser; the top bar's theme switch. */
export function ThemeToggle() {
  const theme = useTheme();
  const id = useId();
  return (
    <div className="theme-toggle">
      <Icon size={18}>
        <Stroke d={ICONS[theme]} join />
      </Icon>
      <label htmlFor={id} className="visually-hidden">
        Theme
      </label>
      <EnumSelect
        id={id}
        className="theme-toggle__select"
        value={theme}
        options={THEME_CHOICES}
        labels={THEME_LABELS}
        onChange={saveTheme}
      />
    </div>
  );
}
