// The knobs a student breaks things with: drop-final-ack, reuse-port,
// loss-rate with its seed, and clicking an arrow in flight. Each picture is checked against the
// engine's own run of the same scenario with the knob applied (computed here, in Node).
import { expect, test, type Page } from '@playwright/test';
import { explain as enExplain } from '../src/i18n/locales/en/explain';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import type { DeliverEvent, Fault } from '../src/engine/types';
import {
  expectRun,
  lessonScenario,
  sendsOf,
  withFinalAckDropped,
  withLoss,
  withReuse,
  type LessonId,
} from './helpers/engine';
import {
  blur,
  counterOf,
  expectEndToMatch,
  openLab,
  readCounter,
  snapshot,
  walkExplanations,
  watchErrors,
} from './helpers/page';

/** The fixed text of an i18n message up to its first placeholder. */
const fixedPart = (message: string): string => message.split('{')[0] ?? message;

/** The visible text of the segment with this id. */
async function segmentText(page: Page, id: string): Promise<string> {
  return (await page.locator(`[data-testid=segment][data-id="${id}"]`).textContent()) ?? '';
}

test.describe('drop-final-ack on client-closes-first', () => {
  test('the server’s FIN appears twice, the second a retransmission; TIME_WAIT persists; unchecking restores', async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const lesson = lessonScenario('client-closes-first');
    const plain = expectRun(lesson);
    const dropped = expectRun(withFinalAckDropped(lesson));
    // The expectation itself: the engine resends the FIN and restarts TIME_WAIT.
    const engineFins = sendsOf(dropped.trace, 'server').filter((e) => e.flags.includes('FIN'));
    expect(engineFins).toHaveLength(2);
    const timeWaitSets = dropped.trace.events.filter(
      (e) =>
        e.type === 'timer' && e.who === 'client' && e.timer === 'time-wait' && e.action === 'set',
    );
    expect(timeWaitSets).toHaveLength(2);

    const plainTotal = await openLab(page, 'lesson=client-closes-first&lang=en');
    const before = await expectEndToMatch(page, plain, 'the lesson as written');
    const dfa = page.getByTestId('drop-final-ack');
    await expect(dfa).not.toBeChecked();

    await dfa.check();
    const after = await expectEndToMatch(page, dropped, 'with drop-final-ack');
    const fins = after.segments.filter((s) => s.from === 'server' && s.flags.includes('FIN'));
    expect(fins, 'two FINs from the server').toHaveLength(2);
    const [first, second] = fins;
    expect(second?.seq, 'the same FIN again').toBe(first?.seq);
    expect(await segmentText(page, second?.id ?? ''), 'the second FIN is marked').toContain(
      enUi.fates.retransmission,
    );
    expect(await segmentText(page, first?.id ?? '')).not.toContain(enUi.fates.retransmission);
    const lostAck = after.segments.filter((s) => s.from === 'client' && s.fate === 'dropped');
    expect(
      lostAck.map((s) => s.flags),
      'the client’s final ACK is lost',
    ).toEqual(['ACK']);

    // Step through: once in TIME_WAIT the client stays there while the FIN comes again and is
    // answered again, until the (restarted) TIME_WAIT timer ends the run.
    const steps = await walkExplanations(page);
    const total = steps.length;
    expect(total, 'the lost ACK adds steps').toBeGreaterThan(plainTotal);
    const enter = steps.findIndex((s) => s.client === 'TIME_WAIT');
    expect(enter, 'the client reaches TIME_WAIT').toBeGreaterThan(0);
    const clientStates = steps.slice(enter).map((s) => s.client);
    expect(clientStates.slice(0, -1).every((s) => s === 'TIME_WAIT')).toBe(true);
    expect(clientStates.at(-1)).toBe('CLOSED');
    // The step at which the retransmitted FIN arrives: the client is in TIME_WAIT there.
    const { total: shownTotal } = await readCounter(page);
    expect(shownTotal).toBe(total);
    let arrival = -1;
    for (let k = total; k >= 1 && arrival < 0; k--) {
      await page.getByTestId('scrubber').fill(String(k - 1));
      await expect(counterOf(page)).toHaveText(`${k - 1} / ${total}`);
      const shot = await snapshot(page);
      const fate = shot.segments.find((s) => s.id === second?.id)?.fate;
      if (fate !== 'delivered') arrival = k;
    }
    expect(arrival, 'the retransmitted FIN is delivered at some step').toBeGreaterThan(enter);
    expect(steps[arrival - 1]?.client, 'in TIME_WAIT when the FIN comes again').toBe('TIME_WAIT');
    expect(steps[arrival]?.client, 'and still after answering it').toBe('TIME_WAIT');

    await dfa.uncheck();
    const restored = await expectEndToMatch(page, plain, 'after unchecking');
    expect(restored).toEqual(before);
    await expect(counterOf(page)).toHaveText(`${plainTotal} / ${plainTotal}`);
    expect(errors).toEqual([]);
  });
});

test.describe('reuse-port on the reuse lessons', () => {
  const lessons: LessonId[] = ['reuse-with-time-wait', 'reuse-without-time-wait'];
  const inUse = fixedPart(enExplain.app.connectInUse).slice(0, 40);
  const oldAccepted = fixedPart(enExplain.arrive.oldDataAccepted);

  for (const id of lessons) {
    test(`${id}: without reuse-port connect() is refused with EADDRINUSE`, async ({ page }) => {
      test.slow();
      const errors = watchErrors(page);
      const expected = expectRun(withReuse(lessonScenario(id), false));
      await openLab(page, `lesson=${id}&lang=en`);
      await page.getByTestId('reuse-port').setChecked(false);
      const end = await expectEndToMatch(page, expected, 'without reuse-port');
      const syns = end.segments.filter((s) => s.from === 'client' && s.flags.includes('SYN'));
      expect(syns, 'only one connection is ever opened').toHaveLength(1);
      const told = await walkExplanations(page);
      expect(
        told.some((s) => s.explanation.includes('EADDRINUSE') && s.explanation.includes(inUse)),
        'a step explains the EADDRINUSE refusal',
      ).toBe(true);
      expect(told.some((s) => s.explanation.includes(oldAccepted))).toBe(false);
      expect(errors).toEqual([]);
    });

    test(`${id}: with reuse-port the old duplicate lands in the second connection`, async ({
      page,
    }) => {
      test.slow();
      const errors = watchErrors(page);
      const scenario = withReuse(lessonScenario(id), true);
      const expected = expectRun(scenario);
      const engineSyns = sendsOf(expected.trace, 'client').filter((e) => e.flags.includes('SYN'));
      const late = expected.trace.events.find(
        (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
      );
      const old = sendsOf(expected.trace, 'client').find((e) => e.id === late?.id);
      expect(old?.t, 'the engine: sent in the first connection').toBeLessThan(
        engineSyns[1]?.t ?? 0,
      );

      await openLab(page, `lesson=${id}&lang=en`);
      await page.getByTestId('reuse-port').setChecked(true);
      const end = await expectEndToMatch(page, expected, 'with reuse-port');
      const syns = end.segments.filter((s) => s.from === 'client' && s.flags.includes('SYN'));
      expect(syns, 'a second connection from the same port').toHaveLength(2);
      expect(end.server, 'the server keeps the corrupted connection').toBe('ESTABLISHED');
      const oldId = String(old?.id);
      expect(end.segments.find((s) => s.id === oldId)?.fate).toBe('delivered');
      expect(await segmentText(page, oldId), 'the old duplicate is marked').toContain(
        enUi.fates.oldDuplicate,
      );
      const told = await walkExplanations(page);
      expect(
        told.some((s) => s.explanation.includes(oldAccepted)),
        'a step explains the old bytes accepted into the new connection',
      ).toBe(true);
      expect(told.some((s) => s.explanation.includes('EADDRINUSE'))).toBe(false);
      expect(errors).toEqual([]);
    });
  }
});

test.describe('loss-rate and seed', () => {
  const id: LessonId = 'client-closes-first';
  const lesson = lessonScenario(id);
  const LOSS = 30;
  // Two seeds whose runs differ, the first losing something: found from the engine.
  const pictures = new Map<number, string>();
  for (let seed = 2; seed < 200 && pictures.size < 2; seed++) {
    const run = expectRun(withLoss(lesson, LOSS, seed));
    const drops = run.segments.filter((s) => s.fate === 'dropped').length;
    const picture = JSON.stringify(run.segments);
    if (drops > 0 && run.segments.length >= 6 && ![...pictures.values()].includes(picture)) {
      pictures.set(seed, picture);
    }
  }
  const [seedA, seedB] = [...pictures.keys()] as [number, number];

  async function setLoss(page: Page, percent: number, seed: number): Promise<void> {
    await page.getByTestId('seed').fill(String(seed));
    await page.getByTestId('loss-rate').fill(String(percent));
    await blur(page);
    await expect(page.getByTestId('seed')).toHaveValue(String(seed));
    await expect(page.getByTestId('loss-rate')).toHaveValue(String(percent));
  }

  test(`${LOSS}% loss with a fixed seed drops segments, the same way twice; another seed differs`, async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const runA = expectRun(withLoss(lesson, LOSS, seedA));
    const runB = expectRun(withLoss(lesson, LOSS, seedB));

    await openLab(page, `lesson=${id}&lang=en`);
    await setLoss(page, LOSS, seedA);
    const first = await expectEndToMatch(page, runA, `seed ${seedA}`);
    await expect(page.locator('[data-testid=segment][data-fate=dropped]').first()).toBeAttached();
    expect(first.segments.filter((s) => s.fate === 'dropped').length).toBeGreaterThan(0);

    await page.reload();
    await openLab(page, `lesson=${id}&lang=en`);
    await setLoss(page, LOSS, seedA);
    const again = await expectEndToMatch(page, runA, `seed ${seedA} again`);
    expect(again, 'the same seed gives the same picture').toEqual(first);

    await setLoss(page, LOSS, seedB);
    const other = await expectEndToMatch(page, runB, `seed ${seedB}`);
    expect(other.segments, 'another seed, another picture').not.toEqual(first.segments);
    expect(errors).toEqual([]);
  });
});

test.describe('clicking an arrow in flight', () => {
  test('drops that segment, and the run continues: the data is retransmitted', async ({ page }) => {
    test.slow();
    const errors = watchErrors(page);
    const lesson = lessonScenario('client-closes-first');
    const plain = expectRun(lesson);
    // The client's data segment: losing it makes the client retransmit it (the engine says so).
    const data = sendsOf(plain.trace, 'client').find((e) => e.len > 0);
    if (!data) throw new Error('no data segment in the lesson');
    const flags = data.flags.filter((f) => f !== 'PSH').join(',');
    const fault: Fault = { who: 'client', flags, nth: 1, after: data.t, fate: 'drop' };
    const expected = expectRun({ ...lesson, faults: [fault, ...(lesson.faults ?? [])] });
    const resent = sendsOf(expected.trace, 'client').filter((e) => e.seq === data.seq && e.len > 0);
    expect(
      resent.map((e) => e.retransmission),
      'the engine: sent, then resent',
    ).toEqual([false, true]);

    const total = await openLab(page, 'lesson=client-closes-first&lang=en');
    await blur(page);
    // Step until the data segment is drawn in flight.
    let step = 0;
    const arrow = page.locator(`[data-testid=segment][data-id="${data.id}"]`);
    while ((await arrow.count()) === 0 && step < total) {
      await page.keyboard.press('ArrowRight');
      step += 1;
      await expect(counterOf(page)).toHaveText(`${step} / ${total}`);
    }
    await expect(arrow).toHaveAttribute('data-fate', 'in-flight');
    const before = (await snapshot(page)).segments;
    await arrow.click();

    // The clicked segment is lost: dropped in the picture, at once or when the step of its loss
    // is shown (the next one); the segments sent before it are unchanged.
    await expect(async () => {
      const fate = (await snapshot(page)).segments.find((s) => s.id === String(data.id))?.fate;
      if (fate !== 'dropped') {
        await blur(page);
        await page.keyboard.press('ArrowRight');
      }
      await expect(arrow).toHaveAttribute('data-fate', 'dropped', { timeout: 1_000 });
    }).toPass({ timeout: 15_000 });
    const { step: droppedAt } = await readCounter(page);
    expect(droppedAt, 'dropped at the click or the very next step').toBeLessThanOrEqual(step + 1);
    const now = (await snapshot(page)).segments;
    expect(now.slice(0, before.length - 1)).toEqual(before.slice(0, before.length - 1));

    const end = await expectEndToMatch(page, expected, 'after the click');
    const copies = end.segments.filter(
      (s) => s.from === 'client' && s.seq === String(data.seq) && s.len === String(data.len),
    );
    expect(
      copies.map((s) => s.fate),
      'lost, then a retransmission arrives',
    ).toEqual(['dropped', 'delivered']);
    expect(await segmentText(page, copies[1]?.id ?? '')).toContain(enUi.fates.retransmission);
    expect(errors).toEqual([]);
  });
});
