// Predict mode in the browser suite: what each question of a lesson expects, computed in Node from
// the engine itself (the lesson with the attempt's fresh numbers, run and derived as the page does),
// and how a student fills the question form, by keyboard alone or by pointer.
import { expect, type FrameLocator, type Locator, type Page } from '@playwright/test';
import type { Flag, Scenario, TcpState } from '../../src/engine/types';
import { deriveRun } from '../../src/lab/derive';
import { freshScenario } from '../../src/lab/predict/fresh';
import { questionsOf, type SegmentQuestion } from '../../src/lab/predict/questions';
import { runWithCauses } from '../../src/lab/run';
import { lessonScenario, type LessonId } from './engine';

export type { SegmentQuestion };

/** The flag buttons, in the form's (and the diagram's) order. */
export const FLAGS = ['SYN', 'ACK', 'FIN', 'RST', 'PSH'] as const satisfies readonly Flag[];

/** The three kinds each question marks, as the result card's items name them. */
export const KINDS = ['flags', 'numbers', 'states'] as const;
export type Kind = (typeof KINDS)[number];
export type Marks = Record<Kind, boolean>;

export interface PredictRun {
  /** The run's number of steps (M of the counter's `N / M`). */
  total: number;
  questions: SegmentQuestion[];
}

/** A lesson's questions with the numbers of attempt `attempt`, from the engine. */
export function predictRun(lessonId: LessonId, attempt: number): PredictRun {
  const scenario: Scenario = freshScenario(lessonScenario(lessonId), attempt);
  const derived = deriveRun(runWithCauses(scenario));
  return { total: derived.steps.length, questions: questionsOf(derived) };
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
export const count = (marks: Marks): number => KINDS.filter((kind) => marks[kind]).length;

/** The `N / M` score text after answers with these marks (three parts per question). */
export const scoreText = (all: readonly Marks[]): string =>
  `${all.reduce((sum, marks) => sum + count(marks), 0)} / ${all.length * KINDS.length}`;

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

/** The element keyboard focus is on: its `data-testid`, or its tag when it has none. */
async function focused(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('data-testid') ?? el?.tagName.toLowerCase() ?? '';
  });
}

/** Presses Tab until the control with `testId` has the focus (and is scrolled into view). */
export async function tabTo(page: Page, testId: string, most = 120): Promise<void> {
  for (let n = 0; n < most; n++) {
    if ((await focused(page)) === testId) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${most} presses of Tab never reached ${testId}`);
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

/** Clicks step-forward until the counter reads `step / total` (a question stops it before). */
export async function clickTo(root: Root, step: number, total: number): Promise<void> {
  const counter = root.getByTestId('step-counter');
  const now = /^(\d+) \//.exec((await counter.textContent()) ?? '');
  for (let shown = Number(now?.[1] ?? 0); shown < step; shown++) {
    await root.getByTestId('step-forward').click();
    await expect(counter).toHaveText(`${shown + 1} / ${total}`);
  }
}

/** The attempt seed the page shows ("Numbers of attempt N"). */
export async function shownAttempt(root: Root): Promise<number> {
  const line = root.getByText(/Numbers of attempt \d+/);
  await expect(line).toBeVisible();
  const match = /attempt (\d+)/.exec((await line.textContent()) ?? '');
  if (!match) throw new Error('no attempt seed shown');
  return Number(match[1]);
}
