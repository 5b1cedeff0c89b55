// A prediction and the engine's answer as text: the result card, the summary, the course page's
// `answer` message and the LMS's interactions all say them the same way.
import type { AnsweredQuestion } from '../../lab/predict/progress';
import type { SegmentQuestion } from '../../lab/predict/questions';
import type { MarkKind, Numbering, Prediction } from '../../lab/predict/score';

/** The flags in the order the diagram prints them. */
export const FLAG_CHOICES = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'] as const;

const flagsText = (flags: readonly string[]) =>
  FLAG_CHOICES.filter((flag) => flags.includes(flag)).join(',') || '—';

/** What the student said for one kind, or null after "show me". */
export function predictedText(
  kind: MarkKind,
  prediction: Prediction | null,
  noAck: string,
): string | null {
  if (prediction === null) return null;
  if (kind === 'flags') return flagsText(prediction.flags);
  if (kind === 'numbers') {
    return `seq=${prediction.seq ?? '?'} ${prediction.ack === null ? noAck : `ack=${prediction.ack}`}`;
  }
  return `${prediction.states.client ?? '?'} / ${prediction.states.server ?? '?'}`;
}

/** The engine's value for one kind, in the numbering the student answered in. */
export function expectedText(
  kind: MarkKind,
  question: SegmentQuestion,
  numbering: Numbering,
  noAck: string,
): string {
  const { expected } = question;
  if (kind === 'flags') return flagsText(expected.flags);
  if (kind === 'numbers') {
    const ack = expected.ack === null ? noAck : `ack=${expected.ack[numbering]}`;
    return `seq=${expected.seq[numbering]} ${ack}`;
  }
  return `${expected.states.client} / ${expected.states.server}`;
}

/** A stable id for one answered kind (course pages, LMS interactions). */
export function answerId(lessonId: string, answered: AnsweredQuestion, kind: MarkKind): string {
  return `${lessonId}-step${answered.question.step}-${kind}`;
}
