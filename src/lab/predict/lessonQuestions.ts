// A lesson's own multiple-choice questions (the scenario's `questions`), read against the run:
// each is asked before the step that sends its anchor segment, and a choice is right exactly when
// what it claims is what the engine did at that step. Nothing about rightness is typed in by hand.
import type { Claim, LessonQuestion, Side } from '../../engine/types';
import type { SegmentInfo, Step, StepView } from '../types';

export interface ChoiceQuestion {
  /** The question's id in the scenario (its words: `lessons.<lesson>.questions.<id>`). */
  id: string;
  /** The step it is asked before (as a segment question, open while step - 1 is shown). */
  step: number;
  choices: { id: string; right: boolean }[];
}

export interface ChoiceRun {
  steps: readonly Step[];
  segments: readonly SegmentInfo[];
  viewAt(step: number): Pick<StepView, 'states'>;
}

/** A segment's flags against a scenario's comma list ("FIN,ACK"). */
const sameFlags = (flags: readonly string[], list: string) => {
  const wanted = list.split(',');
  return flags.length === wanted.length && flags.every((flag) => wanted.includes(flag));
};

/** The step that sends the anchor segment, or null when the run has no such segment. */
function anchorStep(question: LessonQuestion, run: ChoiceRun): number | null {
  const matching = run.segments.filter(
    (seg) => seg.from === question.at.who && sameFlags(seg.flags, question.at.flags),
  );
  return matching[(question.at.nth ?? 1) - 1]?.sentStep ?? null;
}

/** Whether `claim` holds at `step` of the run. */
export function holds(claim: Claim, step: number, run: ChoiceRun): boolean {
  const sentBy = (who: Side) => run.segments.filter((s) => s.sentStep === step && s.from === who);
  if ('all' in claim) return claim.all.every((part) => holds(part, step, run));
  if ('silent' in claim) return sentBy(claim.silent).length === 0;
  if ('state' in claim) return run.viewAt(step).states[claim.state.who] === claim.state.is;
  const { who, flags, retransmission } = claim.sends;
  return sentBy(who).some(
    (seg) =>
      sameFlags(seg.flags, flags) &&
      (retransmission === undefined || seg.retransmission === retransmission),
  );
}

/**
 * The lesson's questions this run can ask: its anchor is in the run (a knob may have changed the
 * story) and exactly one choice is right.
 */
export function choiceQuestionsOf(
  questions: readonly LessonQuestion[] | undefined,
  run: ChoiceRun,
): ChoiceQuestion[] {
  const out: ChoiceQuestion[] = [];
  for (const question of questions ?? []) {
    const step = anchorStep(question, run);
    if (step === null) continue;
    const choices = question.choices.map((c) => ({ id: c.id, right: holds(c.claim, step, run) }));
    if (choices.filter((c) => c.right).length !== 1) continue;
    out.push({ id: question.id, step, choices });
  }
  return out.sort((a, b) => a.step - b.step);
}
