// A labelled <select>: the header's lesson, language and theme pickers, the speed control and the
// export's theme are all one label and one list of choices.

import { useId } from 'react';

export interface Choice<V extends string> {
  value: V;
  label: string;
  /** The language the choice is written in, when it is not the page's (a language's own name). */
  lang?: string;
}

export interface LabeledSelectProps<V extends string> {
  label: string;
  /** The select's `data-testid` (CONTRACT.md section 4 names some). */
  testId: string;
  value: V;
  choices: readonly Choice<V>[];
  onChange: (value: V) => void;
  /** The wrapper's class (its layout in the header, the controls bar or a panel). */
  className: string;
  /** A choice is being applied (a language still loading). */
  busy?: boolean;
  /** The label read out but not shown (a phone's header, where the select speaks for itself). */
  labelHidden?: boolean;
}

export function LabeledSelect<V extends string>({
  label,
  testId,
  value,
  choices,
  onChange,
  className,
  busy,
  labelHidden,
}: LabeledSelectProps<V>) {
  const id = useId();
  return (
    <span className={className}>
      <label htmlFor={id} className={labelHidden ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        aria-busy={busy}
        onChange={(event) => {
          const picked = choices.find((choice) => choice.value === event.currentTarget.value);
          if (picked) onChange(picked.value);
        }}
      >
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} lang={choice.lang}>
            {choice.label}
          </option>
        ))}
      </select>
    </span>
  );
}
