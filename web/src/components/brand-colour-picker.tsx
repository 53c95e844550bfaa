import './brand-colour-picker.css';
import { useId } from 'react';
import { BRAND_PALETTE } from '../../../shared/schemas/brand';

export interface BrandColourPickerProps {
  /** '' lets the server pick the next palette colour (offered only with `allowAuto`). */
  value: string;
  onChange: (colour: string) => void;
  allowAuto: boolean;
  error?: string | undefined;
}

/** The server's palette, offered as swatches; a custom colour is one click away. */
export function BrandColourPicker({ value, onChange, allowAuto, error }: BrandColourPickerProps) {
  const labelId = useId();
  const current = value.toLowerCase();
  return (
    <div className={`field span-2${error ? ' field--invalid' : ''}`}>
      <span className="field__label" id={labelId}>
        Calendar colour
      </span>
      <div className="swatches" role="radiogroup" aria-labelledby={labelId}>
        {allowAuto && (
          <button
            type="button"
            role="radio"
            aria-checked={value === ''}
            className={`swatch swatch--auto${value === '' ? ' swatch--on' : ''}`}
            onClick={() => onChange('')}
          >
            Auto
          </button>
        )}
        {BRAND_PALETTE.map((c) => (
          <button
            key={c}
            type="button"
            role="radio"
            aria-checked={current === c}
            aria-label={`Colour ${c}`}
            className={`swatch${current === c ? ' swatch--on' : ''}`}
            style={{ backgroundColor: c }}
            onClick={() => onChange(c)}
          />
        ))}
        <label className="swatch-custom">
          <input
            type="color"
            value={value || '#64748b'}
            onChange={(e) => onChange(e.target.value)}
            aria-label="Custom colour"
          />
          <span>Custom</span>
        </label>
      </div>
      {error && <p className="field__error">{error}</p>}
    </div>
  );
}
