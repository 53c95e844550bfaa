export type Step = 1 | 2 | 3;

export const STEPS: ReadonlyArray<{ step: Step; label: string }> = [
  { step: 1, label: 'Choose a CSV file' },
  { step: 2, label: 'Match columns and check' },
  { step: 3, label: 'Import' },
];

export function Steps({ current }: { current: Step }) {
  return (
    <ol className="wizard" aria-label="Import steps">
      {STEPS.map(({ step, label }) => {
        const state = step < current ? 'done' : step === current ? 'current' : 'todo';
        return (
          <li
            key={step}
            className={`wizard__step wizard__step--${state}`}
            aria-current={state === 'current' ? 'step' : undefined}
          >
            <span className="wizard__number" aria-hidden="true">
              {state === 'done' ? '✓' : step}
            </span>
            <span className="wizard__label">
              <span className="visually-hidden">Step {step}: </span>
              {label}
            </span>
          </li>
        );
      })}
    </ol>
  );
}
