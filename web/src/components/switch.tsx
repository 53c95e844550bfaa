import './switch.css';
import type { InputHTMLAttributes } from 'react';

export interface SwitchProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'type' | 'role' | 'onChange'
> {
  checked: boolean;
  onChange: (checked: boolean) => void;
}

/** An on/off switch: a real checkbox (so labels, forms and keyboard work) drawn as a toggle. */
export function Switch({ checked, onChange, className, ...rest }: SwitchProps) {
  return (
    <span className={`switch${className ? ` ${className}` : ''}`}>
      <input
        {...rest}
        type="checkbox"
        role="switch"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
      />
      <span className="switch__track" aria-hidden="true">
        <span className="switch__thumb" />
      </span>
    </span>
  );
}
