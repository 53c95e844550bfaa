import './file-drop.css';
import { useEffect, useState, type DragEvent, type ReactNode } from 'react';

/**
 * While mounted, a file dropped anywhere else on the page is ignored rather
 * than opened by the browser in place of the app.
 */
function useIgnoreStrayDrops(): void {
  useEffect(() => {
    const ignore = (event: globalThis.DragEvent) => {
      if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
    };
    window.addEventListener('dragover', ignore);
    window.addEventListener('drop', ignore);
    return () => {
      window.removeEventListener('dragover', ignore);
      window.removeEventListener('drop', ignore);
    };
  }, []);
}

export interface FileDropProps {
  /** The file input's accessible name, e.g. "CSV file". */
  label: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  children: ReactNode;
}

/**
 * The visually hidden file input inside a picker's label. It is cleared after each choice, so
 * choosing the same file again counts.
 */
function HiddenFileInput({ label, accept, onFile, disabled }: Omit<FileDropProps, 'children'>) {
  return (
    <input
      type="file"
      className="visually-hidden"
      accept={accept}
      aria-label={label}
      disabled={disabled}
      onChange={(event) => {
        const file = event.target.files?.[0] ?? null;
        event.target.value = '';
        if (file) onFile(file);
      }}
    />
  );
}

/** A large drop target that is also a file picker (click, or keyboard on the input inside). */
export function FileDrop({ label, accept, onFile, disabled, children }: FileDropProps) {
  const [over, setOver] = useState(false);
  useIgnoreStrayDrops();

  const onDragOver = (event: DragEvent<HTMLLabelElement>) => {
    if (disabled || !event.dataTransfer.types.includes('Files')) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    setOver(true);
  };
  const onDrop = (event: DragEvent<HTMLLabelElement>) => {
    event.preventDefault();
    setOver(false);
    const file = event.dataTransfer.files[0];
    if (file && !disabled) onFile(file);
  };

  return (
    <label
      className={`file-drop${over ? ' file-drop--over' : ''}${disabled ? ' file-drop--disabled' : ''}`}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={(event) => {
        // Leaving for a child element is not leaving the zone.
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={onDrop}
    >
      <HiddenFileInput label={label} accept={accept} onFile={onFile} disabled={disabled} />
      {children}
    </label>
  );
}

export interface FilePickButtonProps {
  /** The file input's accessible name (and the button's text unless `children` is given). */
  label: string;
  accept: string;
  onFile: (file: File) => void;
  disabled?: boolean;
  className?: string;
  children?: ReactNode;
}

/** A button that opens the file picker: a label around a visually hidden file input. */
export function FilePickButton({
  label,
  accept,
  onFile,
  disabled,
  className,
  children,
}: FilePickButtonProps) {
  return (
    <label
      className={`button file-pick${disabled ? ' file-pick--disabled' : ''}${className ? ` ${className}` : ''}`}
    >
      <HiddenFileInput label={label} accept={accept} onFile={onFile} disabled={disabled} />
      {children ?? label}
    </label>
  );
}
