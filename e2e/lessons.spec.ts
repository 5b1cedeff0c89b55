// Every lesson, stepped with → from the first step to the last and back again with ←, checked
// through the contract's hooks against the engine's own trace of the lesson (computed here, in
// Node): one `segment` per send with the same attributes, the same final states, the lesson's key
// states shown on the way; and every step back shows exactly what was shown before. No console
// error on any lesson.
import { expect, test } from '@playwright/test';
import {
  expectRun,
  LESSON_IDS,
  lessonById,
  lessonScenario,
  statesOf,
  type SegmentAttrs,
} from './helpers/engine';
import { blur, counterOf, openLab, snapshot, watchErrors, type Snapshot } from './helpers/page';
import type { Side, StateEvent, Trace } from '../src/engine/types';
import { runWithCauses } from '../src/lab/run';
import { buildSteps } from '../src/lab/steps';
import { watchStep } from '../src/lab/watch';

const SIDES: readonly Side[] = ['client', 'server'];

/** Whether `sub` appears in `seq` in order (not necessarily contiguous). */
function isSubsequence<T>(sub: readonly T[], seq: readonly T[]): boolean {
  let i = 0;
  for (const item of seq) if (i < sub.length && sub[i] === item) i++;
  return i === sub.length;
}

/** Whether `side` stays in `state` for some time at least once (it is not left at once). */
function lastsAWhile(trace: Trace, side: Side, state: string): boolean {
  const changes = trace.events.filter((e): e is StateEvent => e.type === 'state' && e.who === side);
  return changes.some((e, i) => e.to === state && changes[i + 1]?.t !== e.t);
}

function collapse<T>(items: readonly T[]): T[] {
  return items.filter((item, i) => i === 0 || items[i - 1] !== item);
}

test.describe('every lesson, stepped to its end and back', () => {
  for (const id of LESSON_IDS) {
    test(`${id}: → to the end matches the engine, ← restores every step`, async ({ page }) => {
      const errors = watchErrors(page);
      const expected = expectRun(lessonScenario(id));
      const byId = new Map(expected.segments.map((s) => [s.id, s]));
      const total = await openLab(page, `lesson=${id}&lang=en`);
      // Two round trips per step, there and back; generous for a loaded two-core machine.
      test.setTimeout(30_000 + total * 1_000);
      await expect(page.getByTestId('lesson-select')).toHaveValue(id);
      await blur(page);

      const shots: Snapshot[] = [await snapshot(page)];
      expect(shots[0]?.counter).toBe(`0 / ${total}`);
      expect(shots[0]?.segments, 'nothing drawn before the first step').toEqual([]);
      const shown: Record<Side, string[]> = { client: [], server: [] };

      await test.step(`press step-forward ${total} times`, async () => {
        for (let k = 0; k < total; k++) {
          // → for the first steps (real key presses), then the step-forward button (one round
          // trip per step: the keys are tested at length in keyboard.spec.ts).
          let shot: Snapshot;
          if (k < 3) {
            await page.keyboard.press('ArrowRight');
            shot = await snapshot(page, `${k + 1} / ${total}`);
          } else {
            shot = await snapshot(page, `${k + 1} / ${total}`, 'step-forward');
          }
          shots.push(shot);
          for (const side of SIDES) shown[side].push(shot[side] ?? '(no data-state)');
          // Each segment drawn so far is the engine's segment of that id, and the segments drawn
          // are the first ones the engine sent (ids in sending order).
          const ids = shot.segments.map((s) => s.id);
          expect(ids, `step ${k + 1}: the first sends of the trace`).toEqual(
            expected.segments.slice(0, ids.length).map((s) => s.id),
          );
          for (const seg of shot.segments) {
            const want = byId.get(seg.id) as SegmentAttrs;
            const { fate, ...attrs } = seg;
            const { fate: finalFate, ...wantAttrs } = want;
            expect(attrs, `step ${k + 1}: segment ${seg.id}`).toEqual(wantAttrs);
            expect(['in-flight', finalFate], `step ${k + 1}: fate of segment ${seg.id}`).toContain(
              fate,
            );
          }
          const previous = shots[k] as Snapshot;
          expect(
            shot.segments.length,
            `step ${k + 1}: segments never disappear going forward`,
          ).toBeGreaterThanOrEqual(previous.segments.length);
        }
      });

      await test.step('the last step: segments and states as the engine ends them', async () => {
        const last = shots[total] as Snapshot;
        await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
        await expect(page.getByTestId('step-forward')).toBeDisabled();
        expect(last.segments.length, 'one segment per send').toBe(expected.segments.length);
        expect(last.segments).toEqual(expected.segments);
        expect({ client: last.client, server: last.server }).toEqual({
          client: expected.final.client,
          server: expected.final.server,
        });
        // The server's listening socket is its own (CONTRACT.md section 0.1): a lesson that
        // listens ends with it still in LISTEN.
        await expect(page.getByTestId('state-listener')).toHaveAttribute(
          'data-state',
          expected.trace.final.listener,
        );
        // Each application call drawn is one the engine made, with the result it returned.
        const made = expected.trace.events.flatMap((e) =>
          e.type === 'app' ? [`${e.who} ${e.call} ${e.result}`] : [],
        );
        const drawn = await page
          .locator('[data-testid=app-call]')
          .evaluateAll((tags) =>
            tags.map((tag) =>
              ['data-who', 'data-call', 'data-result'].map((a) => tag.getAttribute(a)).join(' '),
            ),
          );
        expect(drawn.length, 'some application call is drawn').toBeGreaterThan(0);
        for (const call of new Set(drawn)) {
          expect(
            drawn.filter((d) => d === call).length,
            `${call}: drawn no more often than made`,
          ).toBeLessThanOrEqual(made.filter((m) => m === call).length);
        }
        // A state badge on each lifeline at every state change, in the engine's order.
        for (const side of SIDES) {
          await expect(page.locator(`.dg-pill--${side} text`), `${side}'s state badges`).toHaveText(
            statesOf(expected.trace, side).slice(1),
          );
        }
        // The flag sequence of each side, as a reader would list it.
        for (const side of SIDES) {
          expect(
            last.segments.filter((s) => s.from === side).map((s) => s.flags),
            `${side}'s flags`,
          ).toEqual(expected.segments.filter((s) => s.from === side).map((s) => s.flags));
        }
      });

      await test.step('the states shown step by step follow the engine', async () => {
        for (const side of SIDES) {
          const engineStates = statesOf(expected.trace, side);
          const seen = collapse(['CLOSED', ...shown[side]]);
          expect(
            isSubsequence(seen, engineStates),
            `${side} showed ${seen.join(' → ')}; the engine went ${engineStates.join(' → ')}`,
          ).toBe(true);
        }
        // The lesson's key states (its focus) are each shown at some step.
        const focus = lessonById(id)?.focus;
        expect(focus).toBeDefined();
        if (!focus) return;
        const sides = focus.who === 'both' ? SIDES : [focus.who];
        for (const state of focus.states) {
          const inEngine = sides.filter((side) => statesOf(expected.trace, side).includes(state));
          expect(inEngine.length, `the engine reaches ${state} (${focus.who})`).toBeGreaterThan(0);
          for (const side of inEngine) {
            // A state entered and left at the same instant (CLOSE_WAIT of a server that closes as
            // soon as it reads EOF) is over within one step: only its state badge can show it.
            if (!lastsAWhile(expected.trace, side, state)) continue;
            expect(shown[side], `${side} shows key state ${state} at some step`).toContain(state);
          }
        }
      });

      await test.step(`press step-back ${total} times: each step back shows the step before`, async () => {
        for (let k = total; k > 0; k--) {
          const shot = await snapshot(page, `${k - 1} / ${total}`, 'step-back');
          expect(shot, `back from step ${k}`).toEqual(shots[k - 1]);
        }
        await expect(page.getByTestId('step-back')).toBeDisabled();
      });

      expect(errors, 'console errors and page errors').toEqual([]);
    });
  }
});

/** The step a lesson's "What to watch for" link must go to, from the engine's own run (in Node). */
function watchedStep(id: (typeof LESSON_IDS)[number]): number | null {
  const run = runWithCauses(lessonScenario(id));
  return watchStep(run.events, buildSteps(run), lessonById(id)!.watch);
}

test.describe('the lesson frame', () => {
  test('says what to watch for, and its link jumps to the step where it happens', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lesson=abort&lang=en');
    const frame = page.getByTestId('lesson-frame');
    await expect(frame).toBeVisible();
    await expect(frame).toContainText('What to watch for');
    await expect(frame).toContainText('SO_LINGER');
    const expected = watchedStep('abort');
    const link = frame.getByTestId('lesson-watch-link');
    await expect(link).toHaveAttribute('data-step', String(expected));
    await expect(link).toHaveText(`Go to step ${expected}`);
    await link.click();
    await expect(counterOf(page)).toHaveText(`${expected} / ${total}`);
    // The step the link names is the abort: the client's RST is drawn there.
    await expect(page.locator('[data-testid="segment"][data-flags="RST"]')).toHaveCount(1);
    // The takeaway waits folded until the last step, then stands out.
    await expect(frame.getByTestId('lesson-takeaway')).toHaveAttribute('data-reached', 'false');
    for (let k = expected ?? 0; k < total; k++) await page.getByTestId('step-forward').click();
    await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
    await expect(frame.getByTestId('lesson-takeaway')).toHaveAttribute('data-reached', 'true');
    await expect(frame.getByTestId('lesson-takeaway')).toBeVisible();
    expect(errors).toEqual([]);
  });

  test('is in the compact layout of a course page too, in Chinese', async ({ page }) => {
    const total = await openLab(page, 'lesson=two-way-handshake&lang=zh&embed=1');
    const frame = page.getByTestId('lesson-frame');
    await expect(frame).toBeVisible();
    await expect(frame).toContainText('留意这一刻');
    const expected = watchedStep('two-way-handshake');
    await frame.getByTestId('lesson-watch-link').click();
    await expect(counterOf(page)).toHaveText(`${expected} / ${total}`);
    await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'ESTABLISHED');
  });

  test('says so when the knobs mean the moment does not happen in this run', async ({ page }) => {
    await openLab(page, 'lesson=reuse-with-time-wait&lang=en');
    const frame = page.getByTestId('lesson-frame');
    await expect(frame.getByTestId('lesson-watch-link')).toHaveAttribute(
      'data-step',
      String(watchedStep('reuse-with-time-wait')),
    );
    // SO_REUSEADDR lets bind() succeed: the EADDRINUSE this lesson is about never comes.
    await page.getByRole('checkbox', { name: /Reuse the port/ }).check();
    await expect(frame.getByTestId('lesson-watch-missing')).toContainText(
      'does not happen in this run',
    );
    await expect(frame.getByTestId('lesson-watch-link')).toHaveCount(0);
  });
});

test.describe('why three, shown', () => {
  test('the why-three card opens both handshakes side by side, as the engine runs them', async ({
    page,
  }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await openLab(page, 'lang=en');
    const card = page.locator('[data-testid="answer-card"][data-answer="why-three"]');
    await card.locator('summary').click();
    await card.getByTestId('compare-open').click();
    const compare = page.getByTestId('compare-why-three');
    await expect(compare).toHaveAttribute('data-ready', 'true');
    const three = compare.locator('[data-testid="compare-side"][data-variant="three-way"]');
    const two = compare.locator('[data-testid="compare-side"][data-variant="two-way"]');
    // Three-way: the client's RST answers the SYN+ACK; the half-open connection never got further.
    await expect(three.locator('[data-testid="segment"][data-flags="RST"]')).toHaveCount(1);
    await expect(
      three.locator('[data-testid="segment"][data-from="client"][data-flags="RST"]'),
    ).toBeVisible();
    await expect(three).toHaveAttribute('data-server-states', 'LISTEN SYN_RCVD CLOSED');
    await expect(three.getByTestId('state-listener')).toHaveAttribute('data-state', 'LISTEN');
    await expect(three.locator('[data-testid="app-call"][data-call="accept"]')).toHaveCount(0);
    // Two-way: the phantom connection is ESTABLISHED and accepted before the RST removes it.
    await expect(two).toHaveAttribute('data-server-states', /SYN_RCVD ESTABLISHED/);
    await expect(two.locator('[data-testid="app-call"][data-call="accept"]')).toHaveAttribute(
      'data-result',
      'ok',
    );
    await expect(two.getByText('ESTABLISHED', { exact: true }).first()).toBeVisible();
    // Side by side on a wide screen.
    const [left, right] = [await two.boundingBox(), await three.boundingBox()];
    expect(left && right && left.x + left.width <= right.x).toBe(true);
  });
});
