// What an explanation is: a key into the `explain` i18n namespace, the values it mentions and the
// RFC section behind it. No strings here beyond keys: ./index.ts's renderExplanation words it.
import type { Flag } from '../../engine/types';
import type { explain as englishExplain } from '../../i18n/locales/en/explain';

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A key of the explain namespace, without the `explain.` prefix (e.g. `arrive.synListen`). */
export type ExplainKey = Leaves<typeof englishExplain>;

/** A span of simulated time: the reader's language words it ("6 s", "6 秒"). */
export interface Duration {
  ms: number;
}

export type ExplainParam = string | number | Duration;

export interface Explanation {
  key: ExplainKey;
  params: Record<string, ExplainParam>;
  /** Where the behaviour is specified: an RFC 9293 section ('3.5') or another RFC ('RFC 6298 §5'). */
  rfc: string;
  /**
   * The engine's own reference for the step's decision (its event's `why.ref`, e.g. `linux
   * tcp_twsk_unique()`), when it names a source other than `rfc`.
   */
  cite?: string;
}

export function explanation(
  key: ExplainKey,
  rfc: string,
  params: Explanation['params'] = {},
): Explanation {
  return { key, params, rfc };
}

/** Flags as the diagram labels them: PSH left out, joined by '+' (SYN+ACK). */
export function flagLabel(flags: readonly Flag[]): string {
  return flags.filter((f) => f !== 'PSH').join('+');
}
