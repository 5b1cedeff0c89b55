// A number input that lets the student type freely ("1.", "") and commits each valid value.

import { useState, type InputHTMLAttributes } from 'react';

interface Props extends Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'type'> {
  value: number;
  /** Called with each value that parses and lies within min…max. */
  onCommit: (value: number) => void;
  min: number;
  max: number;
  integer?: boolean;
}

export function NumberField({ value, onCommit, min, max, integer = false, ...rest }: Props) {
  const [text, setText] = useState(String(value));
  const [shown, setShown] = useState(value);
  // The value changed from outside (a new lesson, a new seed): show it.
  if (shown !== value) {
    setShown(value);
    if (Number(text) !== value) setText(String(value));
  }
  const parsed = text.trim() === '' ? NaN : Number(text);
  const valid =
    Number.isFinite(parsed) &&
    parsed >= min &&
    parsed <= max &&
    (!integer || Number.isInteger(parsed));
  return (
    <input
      {...rest}
      type="number"
      inputMode={integer ? 'numeric' : 'decimal'}
      min={min}
      max={max}
      value={text}
      aria-invalid={!valid || undefined}
      onChange={(event) => {
        const next = event.currentTarget.value;
        setText(next);
        const number = next.trim() === '' ? NaN : Number(next);
        if (
          Number.isFinite(number) &&
          number >= min &&
          number <= max &&
          (!integer || Number.isInteger(number))
        ) {
          setShown(number);
          onCommit(number);
        }
      }}
      onBlur={() => {
        if (!valid) setText(String(value));
      }}
    />
  );
}
