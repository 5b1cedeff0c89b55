// English is the source of truth: every other locale must have exactly its keys (checked by tsc),
// with its own wording. Texts may hold {name} placeholders, filled in by the translator function.

/** The same shape as the English namespace T, with any wording. */
export type Messages<T> = {
  readonly [K in keyof T]: T[K] extends string ? string : Messages<T[K]>;
};

export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];
