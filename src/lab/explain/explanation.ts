// What an explanation is: sentences, each the words of one engine rule (an event's `why.rule`)
// filled with facts of that event (numbers, states, timers). No strings here beyond keys:
// ./index.ts's renderExplanation words it, from the `explain` i18n namespace (`rules.<id>`).
import type { RuleId } from '../../engine/rules';
import type { Flag } from '../../engine/types';
import type { explain as englishExplain } from '../../i18n/locales/en/explain';

/** A phrase of the `explain.facts` namespace that fills a rule's sentence (e.g. `afterFin.CLOSE_WAIT`). */
export type FactKey = Leaves<(typeof englishExplain)['facts']>;

type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

/** A span of simulated time: the reader's language words it ("6 s", "6 秒"). */
export interface Duration {
  ms: number;
}

/** A sequence or acknowledgement number: relative to its ISN, and as it is on the wire. */
export interface SeqNumber {
  rel: number;
  abs: number;
}

/**
 * A phrase worded with the same facts as the sentence around it; one per numbering where the
 * words depend on whether numbers count from the ISN or are shown as on the wire.
 */
export interface Fact {
  fact: FactKey | { relative: FactKey; absolute: FactKey };
}

export type ExplainParam = string | number | Duration | SeqNumber | Fact;

export type Params = Record<string, ExplainParam>;

/** One sentence: what rule `rule` made the engine do, with the facts it names. */
export interface Sentence {
  /** The rule, or null for a step no event of which names one (a capture's bare arrival). */
  rule: RuleId | null;
  params: Params;
}

export interface Explanation {
  sentences: Sentence[];
  /** The first sentence's rule: the step's deciding decision. */
  rule: RuleId | null;
  /** Where that rule is specified, when it is an RFC ("RFC 9293 §3.10.7.4"). */
  rfc?: string;
  /** Where it is implemented, for behaviour only Linux has ("linux tcp_check_req()"). */
  cite?: string;
}

/** Flags as the diagram labels them: PSH left out, joined by '+' (SYN+ACK). */
export function flagLabel(flags: readonly Flag[]): string {
  return flags.filter((f) => f !== 'PSH').join('+');
}
