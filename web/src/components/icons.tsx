import type { ReactNode } from 'react';

export interface IconProps {
  size?: number;
  /** The drawing's own square; 20 unless the icon is drawn smaller. */
  box?: number;
  children: ReactNode;
}

/** The frame every icon shares: a square, hidden from assistive technology beside its text. */
export function Icon({ size = 16, box = 20, children }: IconProps) {
  return (
    <svg viewBox={`0 0 ${box} ${box}`} width={size} height={size} aria-hidden="true">
      {children}
    </svg>
  );
}

export interface StrokeProps {
  d: string;
  width?: number;
  /** Round line ends; on unless the drawing wants square ones. */
  cap?: boolean;
  /** Round corners where lines meet. */
  join?: boolean;
}

/** One unfilled line drawing in the text's colour: what every icon here is made of. */
export function Stroke({ d, width = 1.8, cap = true, join = false }: StrokeProps) {
  return (
    <path
      d={d}
      fill="none"
      stroke="currentColor"
      strokeWidth={width}
      strokeLinecap={cap ? 'round' : undefined}
      strokeLinejoin={join ? 'round' : undefined}
    />
  );
}

export function PlusIcon() {
  return (
    <Icon>
      <Stroke d="M10 4v12M4 10h12" width={2} />
    </Icon>
  );
}

/** The × of a close or remove button. */
export function CloseIcon({ size = 16 }: { size?: number }) {
  return (
    <Icon size={size}>
      <Stroke d="M5 5l10 10M15 5L5 15" />
    </Icon>
  );
}

/** The small down arrow of a button that opens a menu. */
export function ChevronDownIcon() {
  return (
    <Icon size={14}>
      <Stroke d="M6 8l4 4 4-4" />
    </Icon>
  );
}

/** The tick of a checked box or a pressed toggle. */
export function CheckIcon() {
  return (
    <Icon size={10} box={12}>
      <Stroke d="M2.5 6.2 5 8.5l4.5-5" join />
    </Icon>
  );
}

export function DownloadIcon() {
  return (
    <Icon>
      <Stroke d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 15.5h12" join />
    </Icon>
  );
}

export function UploadIcon({ size = 16 }: { size?: number }) {
  return (
    <Icon size={size}>
      <Stroke d="M10 13V4m0 0L6.5 7.5M10 4l3.5 3.5M4 15.5h12" join />
    </Icon>
  );
}

/** A calendar with a feed wave: subscribing to the calendar from elsewhere. */
export function FeedIcon() {
  return (
    <Icon>
      <rect
        x="3"
        y="4.5"
        width="14"
        height="12"
        rx="2.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      />
      <Stroke d="M3 8.5h14M7 3v3M13 3v3" width={1.6} cap={false} />
      <Stroke d="M7.5 11.5a3 3 0 0 1 3 3M7.5 13.6a.9.9 0 0 1 .9.9" width={1.5} />
    </Icon>
  );
}

/** A bell: the alerts. */
export function BellIcon({ size = 20 }: { size?: number }) {
  return (
    <Icon size={size}>
      <Stroke
        d="M10 2.8a4.9 4.9 0 0 0-4.9 4.9v2.6c0 .7-.3 1.4-.7 2l-.9 1.2c-.3.5 0 1.1.6 1.1h11.8c.6 0 .9-.6.6-1.1l-.9-1.2c-.4-.6-.7-1.3-.7-2V7.7A4.9 4.9 0 0 0 10 2.8Z"
        width={1.6}
        cap={false}
        join
      />
      <Stroke d="M8 16.6a2.1 2.1 0 0 0 4 0" width={1.6} />
    </Icon>
  );
}
