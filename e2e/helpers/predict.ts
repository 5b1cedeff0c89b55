// Predict mode in the browser suite: what each question of a lesson expects, computed in Node from
// the engine itself (the lesson with the attempt's fresh numbers, run and derived as the page does),
// and how a student fills the question forms (a segment's flags, numbers and states; a lesson's own
// multiple-choice question), by keyboard alone or by pointer.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { Flag, Scenario, TcpState } from '../../src/engine/types';
import { deriveRun } from '../../src/lab/derive';
import { freshScenario } from '../../src/lab/predict/fresh';
import { choiceQuestionsOf, type ChoiceQuestion } from '../../src/lab/predict/lessonQuestions';
import { questionsOf, type SegmentQuestion } from '../../src/lab/predict/questions';
import { runWithCauses } from '../../src/lab/run';
import { lessonScenario, type LessonId } from './engine';

export type { ChoiceQuestion, SegmentQuestion };

/** The flag buttons, in the form's (and the diagram's) order. */
export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'] as const satisfies readonly Flag[];

/** The three kinds each question marks, as the result card's items name them. */
export const KINDS = ['flags', 'numbers', 'states'] as const;
export type Kind = (typeof KINDS)[number];
export type Marks = Record<Kind, boolean>;

/** One question the page asks, before step `step` plays. */
export type Asked =
  | { type: 'segment'; step: number; question: SegmentQuestion }
  | { type: 'choice'; step: number; question: ChoiceQuestion };

export interface PredictRun {
  /** The run's number of steps (M of the counter's `N / M`). */
  total: number;
  /** The segment questions (flags, numbers, states: three parts each). */
  questions: SegmentQuestion[];
  /** The lesson's own multiple-choice questions (one part each). */
  choices: ChoiceQuestion[];
  /** Both, in the order they are asked. */
  asked: Asked[];
}

/**
 * A lesson's questions with the numbers of attempt `attempt`, from the engine: a segment question
 * before each step that sends a segment starting a phase, and the lesson's own questions (the
 * scenario's `questions`, read against the run); where the lesson asks its own question, the
 * segment question of that step is not asked (it would give the answer away).
 */
export function predictRun(lessonId: LessonId, attempt: number): PredictRun {
  const scenario: Scenario = freshScenario(lessonScenario(lessonId), attempt);
  const derived = deriveRun(runWithCauses(scenario));
  const choices = choiceQuestionsOf(scenario.questions, derived);
  const own = new Set(choices.map((q) => q.step));
  const questions = questionsOf(derived).filter((q) => !own.has(q.step));
  const asked: Asked[] = [
    ...choices.map((question) => ({ type: 'choice' as const, step: question.step, question })),
    ...questions.map((question) => ({ type: 'segment' as const, step: question.step, question })),
  ].sort((a, b) => a.step - b.step);
  return { total: derived.steps.length, questions, choices, asked };
}

/** What a student does with a question: the kinds answered right (Marks) or "show me". */
export type Plan = Marks | 'reveal';

/** Parts a question asks: three for a segment, one for a lesson's own question. */
export const partsOf = (asked: Asked): number => (asked.type === 'segment' ? KINDS.length : 1);

/**
 * Parts right when a question is answered as `plan` says (a lesson's own question is one part:
 * right when every kind of the plan is).
 */
export function rightOf(asked: Asked, plan: Plan): number {
  if (plan === 'reveal') return 0;
  if (asked.type === 'choice') return count(plan) === KINDS.length ? 1 : 0;
  return count(plan);
}

/** The choice that makes a lesson question right (plan all right) or wrong. */
export function choiceFor(question: ChoiceQuestion, right: boolean): string {
  const choice = question.choices.find((c) => c.right === right);
  if (!choice)
    throw new Error(`question ${question.id} has no ${right ? 'right' : 'wrong'} choice`);
  return choice.id;
}

/** What a student types into the form: flags, seq, ack (or "no ACK number"), both states. */
export interface Answer {
  flags: readonly Flag[];
  seq: number;
  /** 'none': the "no ACK number" box is ticked. */
  ack: number | 'none';
  states: { client: TcpState; server: TcpState };
}

const OTHER_STATE: Partial<Record<TcpState, TcpState>> = { TIME_WAIT: 'CLOSED' };

/**
 * An answer to `question` (relative numbering) that is right exactly for the kinds `marks` says:
 * a wrong kind gets a plausible mistake (a flag missing or extra, a number off by one, the state
 * the peer is in).
 */
export function answerFor(question: SegmentQuestion, marks: Marks): Answer {
  const { expected } = question;
  const rightFlags = [...expected.flags];
  const flags = marks.flags
    ? rightFlags
    : rightFlags.length > 1
      ? rightFlags.filter((flag) => flag !== 'ACK')
      : [...rightFlags, 'PSH' as const];
  const seq = expected.seq.relative + (marks.numbers ? 0 : 1);
  const ack = expected.ack === null ? 'none' : expected.ack.relative;
  const { client, server } = expected.states;
  const wrongClient = OTHER_STATE[client] ?? (client === server ? 'LISTEN' : server);
  return {
    flags,
    seq,
    ack,
    states: marks.states ? { client, server } : { client: wrongClient, server },
  };
}

export const ALL_RIGHT: Marks = { flags: true, numbers: true, states: true };
export const NONE_RIGHT: Marks = { flags: false, numbers: false, states: false };
/**
 * A student's way through the client-closes-first lesson (six segment questions, then the lesson's
 * own): some right, some partly wrong, one "I don't know, show me".
 */
export const MIXED_ANSWERS: readonly Plan[] = [
  ALL_RIGHT,
  { flags: true, numbers: false, states: true },
  'reveal',
  { flags: false, numbers: true, states: false },
  ALL_RIGHT,
  { flags: true, numbers: true, states: false },
  ALL_RIGHT,
];
export const count = (marks: Marks): number => KINDS.filter((kind) => marks[kind]).length;

/** The `N / M` score text after these questions answered as planned. */
export const scoreText = (done: readonly { asked: Asked; plan: Plan }[]): string =>
  `${done.reduce((sum, d) => sum + rightOf(d.asked, d.plan), 0)} / ${done.reduce(
    (sum, d) => sum + partsOf(d.asked),
    0,
  )}`;

type Root = Page | FrameLocator;

/** The result card's items say right or not for each kind as `marks` does. */
export async function expectResult(root: Root, marks: Marks): Promise<void> {
  const result = root.getByTestId('predict-result');
  await expect(result).toBeVisible();
  for (const kind of KINDS) {
    await expect(result.getByTestId(`predict-result-${kind}`)).toHaveAttribute(
      'data-right',
      String(marks[kind]),
    );
  }
}

/** The result shown once a question's step has played: per kind, or one mark for a choice. */
export async function expectAskedResult(root: Root, asked: Asked, plan: Plan): Promise<void> {
  if (asked.type === 'segment') {
    await expectResult(root, plan === 'reveal' ? NONE_RIGHT : plan);
    return;
  }
  const mark = root.getByTestId('predict-choice-result').getByTestId('predict-result-choice');
  await expect(mark).toBeVisible();
  await expect(mark).toHaveAttribute('data-right', String(rightOf(asked, plan) === 1));
}

/** The element keyboard focus is on: its `data-testid`, or its tag when it has none. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? '';
  });
}

/**
 * Presses Tab until a control whose `data-testid` is `testId` (or matches it) has the focus (which
 * scrolls it into view); returns that test id.
 */
export async function tabTo(page: Page, testId: string | RegExp, most = 120): Promise<string> {
  for (let n = 0; n < most; n++) {
    const now = await focused(page);
    if (typeof testId === 'string' ? now === testId : testId.test(now)) return now;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${most} presses of Tab never reached ${String(testId)}`);
}

/**
 * Answers the open lesson question by keyboard alone: Tab into the radio group, the arrow keys to
 * the choice (Space when it is the first one focused), Tab on to "Check my answer" and Enter; or
 * Tab to "show me" and Enter.
 */
export async function chooseByKeyboard(page: Page, choice: string | 'reveal'): Promise<void> {
  const form = page.getByTestId('predict');
  await expect(form.getByRole('radio').first()).toBeVisible();
  const counter = page.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';
  let at = await tabTo(page, /^predict-choice-/);
  if (choice === 'reveal') {
    await tabTo(page, 'predict-reveal', 10);
  } else {
    const wanted = `predict-choice-${choice}`;
    if (at === wanted) await page.keyboard.press('Space');
    for (let n = 0; at !== wanted && n < 10; n++) {
      await page.keyboard.press('ArrowDown');
      at = await focused(page);
    }
    await expect(page.getByTestId(wanted)).toBeChecked();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('predict-submit')).toBeFocused();
  }
  await page.keyboard.press('Enter');
  await expect(counter).not.toHaveText(before);
}

/**
 * Fills the open question form by keyboard alone: Tab into it, Space on the flag buttons, digits
 * into the numbers, Space on the "no ACK" box, the states typed into the focused selects (their
 * type-ahead), then Enter on "Check my answer" (or on "show me" with `reveal`).
 */
export async function answerByKeyboard(
  page: Page,
  answer: Answer | 'reveal',
  /** Called with each control once it has the focus (a phone test checks it is in view). */
  onFocus: (control: Locator) => Promise<void> = async () => {},
): Promise<void> {
  const form = page.getByTestId('predict');
  await expect(form).toBeVisible();
  // Answering plays the step: the counter moves on (the next question may open at once).
  const counter = page.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';
  await tabTo(page, 'predict-flag-SYN');
  await onFocus(page.getByTestId('predict-flag-SYN'));
  if (answer === 'reveal') {
    await tabTo(page, 'predict-reveal', 20);
    await onFocus(page.getByTestId('predict-reveal'));
    await page.keyboard.press('Enter');
    await expect(counter).not.toHaveText(before);
    return;
  }
  /** Tab to the next control, and check it is the one expected. */
  const next = async (testId: string): Promise<Locator> => {
    await page.keyboard.press('Tab');
    const control = page.getByTestId(testId);
    await expect(control).toBeFocused();
    await onFocus(control);
    return control;
  };
  for (const [place, flag] of FLAGS.entries()) {
    const button =
      place === 0 ? page.getByTestId('predict-flag-SYN') : await next(`predict-flag-${flag}`);
    if (answer.flags.includes(flag)) await page.keyboard.press('Space');
    await expect(button).toHaveAttribute('aria-pressed', String(answer.flags.includes(flag)));
  }
  const seq = await next('predict-seq');
  await page.keyboard.type(String(answer.seq));
  await expect(seq).toHaveValue(String(answer.seq));
  const ack = await next('predict-ack');
  if (answer.ack !== 'none') {
    await page.keyboard.type(String(answer.ack));
    await expect(ack).toHaveValue(String(answer.ack));
  }
  const noAck = await next('predict-no-ack');
  if (answer.ack === 'none') {
    await page.keyboard.press('Space');
    await expect(noAck).toBeChecked();
    await expect(ack).toBeDisabled();
  }
  for (const who of ['client', 'server'] as const) {
    const select = await next(`predict-state-${who}`);
    await page.keyboard.type(answer.states[who]);
    await expect(select).toHaveValue(answer.states[who]);
  }
  await next('predict-submit');
  await page.keyboard.press('Enter');
  await expect(counter).not.toHaveText(before);
}

/** Fills the open question form by pointer (clicks, fill, selectOption) and submits it. */
export async function answerByPointer(root: Root, answer: Answer | 'reveal'): Promise<void> {
  const form = root.getByTestId('predict');
  await expect(form).toBeVisible();
  const counter = root.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';
  if (answer === 'reveal') {
    await form.getByTestId('predict-reveal').click();
    await expect(counter).not.toHaveText(before);
    return;
  }
  for (const flag of answer.flags) await form.getByTestId(`predict-flag-${flag}`).click();
  await form.getByTestId('predict-seq').fill(String(answer.seq));
  if (answer.ack === 'none') await form.getByTestId('predict-no-ack').check();
  else await form.getByTestId('predict-ack').fill(String(answer.ack));
  await form.getByTestId('predict-state-client').selectOption(answer.states.client);
  await form.getByTestId('predict-state-server').selectOption(answer.states.server);
  await form.getByTestId('predict-submit').click();
  await expect(counter).not.toHaveText(before);
}

/** Answers the open lesson question by pointer: its choice and "Check my answer", or "show me". */
export async function chooseByPointer(root: Root, choice: string | 'reveal'): Promise<void> {
  const form = root.getByTestId('predict');
  await expect(form.getByRole('radio').first()).toBeVisible();
  const counter = root.getByTestId('step-counter');
  const before = (await counter.textContent()) ?? '';
  if (choice === 'reveal') {
    await form.getByTestId('predict-reveal').click();
  } else {
    await form.getByTestId(`predict-choice-${choice}`).check();
    await form.getByTestId('predict-submit').click();
  }
  await expect(counter).not.toHaveText(before);
}

/** Answers the open question, whichever kind, as `plan` says, by keyboard or by pointer. */
export async function answerAsked(
  root: Root,
  asked: Asked,
  plan: Plan,
  how: 'keyboard' | 'pointer',
): Promise<void> {
  if (how === 'keyboard' && !('keyboard' in root)) throw new Error('keyboard needs a page');
  if (asked.type === 'choice') {
    const choice = plan === 'reveal' ? 'reveal' : choiceFor(asked.question, count(plan) === 3);
    if (how === 'keyboard' && 'keyboard' in root) await chooseByKeyboard(root, choice);
    else await chooseByPointer(root, choice);
    return;
  }
  const answer = plan === 'reveal' ? 'reveal' : answerFor(asked.question, plan);
  if (how === 'keyboard' && 'keyboard' in root) await answerByKeyboard(root, answer);
  else await answerByPointer(root, answer);
}

/**
 * Steps forward with `press` until the counter reads `step / total`, one step at a time. Predict
 * mode loads its code when it is first on, and a step asked for before that is not taken (the lab
 * stays put rather than skip a question): a press that did not move the counter is pressed again.
 */
export async function stepWith(
  root: Root,
  press: () => Promise<void>,
  step: number,
  total: number,
): Promise<void> {
  const counter = root.getByTestId('step-counter');
  const now = /^(\d+) \//.exec((await counter.textContent()) ?? '');
  for (let shown = Number(now?.[1] ?? 0); shown < step; shown++) {
    await expect(async () => {
      if (((await counter.textContent()) ?? '').trim() === `${shown} / ${total}`) await press();
      await expect(counter).toHaveText(`${shown + 1} / ${total}`, { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
  }
}

/** Clicks step-forward until the counter reads `step / total` (a question stops it before). */
export async function clickTo(root: Root, step: number, total: number): Promise<void> {
  await stepWith(root, () => root.getByTestId('step-forward').click(), step, total);
}

/** The attempt seed the page shows ("Numbers of attempt N"). */
export async function shownAttempt(root: Root): Promise<number> {
  const line = root.getByText(/Numbers of attempt \d+/);
  await expect(line).toBeVisible();
  const match = /attempt (\d+)/.exec((await line.textContent()) ?? '');
  if (!match) throw new Error('no attempt seed shown');
  return Number(match[1]);
}
