// The knobs a student breaks things with: drop-final-ack, reuse-port,
// loss-rate with its seed, and clicking an arrow in flight. Each picture is checked against the
// engine's own run of the same scenario with the knob applied (computed here, in Node).
import { expect, test, type Page } from '@playwright/test';
import { ui as enUi } from '../src/i18n/locales/en/ui';
import { ui as zhUi } from '../src/i18n/locales/zh-CN/ui';
import type { DeliverEvent, Fault, ProfileName, Scenario } from '../src/engine/types';
import {
  expectRun,
  type Expected,
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

/** What the engine's run says the client's connect() calls returned, in order. */
const connectResults = (expected: Expected): string[] =>
  expected.trace.events.flatMap((e) =>
    e.type === 'app' && e.who === 'client' && e.call === 'connect' ? [e.result] : [],
  );

/** The client's connect() calls drawn on the page (hook `app-call`), with their results. */
async function drawnConnects(page: Page): Promise<string[]> {
  return page
    .locator('[data-testid=app-call][data-who=client][data-call=connect]')
    .evaluateAll((tags) => tags.map((tag) => tag.getAttribute('data-result') ?? ''));
}

/** The reuse-port help text, as the settings read it out under `profile`. */
const reuseHelp = (words: typeof enUi | typeof zhUi, profile: ProfileName): string =>
  `${words.settings.reusePort.help} ${words.settings.reusePort.byProfile[profile]}`;

async function chooseProfile(page: Page, profile: ProfileName): Promise<void> {
  await page.getByTestId('profile').selectOption(profile);
  await expect(page.getByTestId('profile')).toHaveValue(profile);
}

test.describe('reuse-port: SO_REUSEADDR as each profile does it (CONTRACT.md section 0.2)', () => {
  const id: LessonId = 'reuse-with-time-wait';

  test('RFC 9293: off, bind() fails with EADDRINUSE; on, connect() fails with EADDRNOTAVAIL', async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const lesson = lessonScenario(id);
    const off = expectRun(lesson);
    const on = expectRun(withReuse(lesson, true));
    expect(connectResults(off), 'the engine, off').toEqual(['ok', 'EADDRINUSE']);
    expect(connectResults(on), 'the engine, on').toEqual(['ok', 'EADDRNOTAVAIL']);

    await openLab(page, `lesson=${id}&lang=en`);
    const knob = page.getByTestId('reuse-port');
    await expect(knob).not.toBeChecked();
    await expect(knob).toHaveAccessibleDescription(reuseHelp(enUi, 'rfc9293'));
    await expectEndToMatch(page, off, 'without reuse-port');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'EADDRINUSE']);

    await knob.check();
    const end = await expectEndToMatch(page, on, 'with reuse-port');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'EADDRNOTAVAIL']);
    const syns = end.segments.filter((s) => s.from === 'client' && s.flags.includes('SYN'));
    expect(syns, 'only one connection is ever opened').toHaveLength(1);
    expect(errors).toEqual([]);
  });

  test('Linux: the help text follows the profile; on, the second connection opens; off, EADDRINUSE', async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const lesson: Scenario = { ...lessonScenario(id), profile: 'linux' };
    const on = expectRun(withReuse(lesson, true));
    const off = expectRun(lesson);
    expect(connectResults(on), 'the engine, on').toEqual(['ok', 'ok']);
    expect(connectResults(off), 'the engine, off').toEqual(['ok', 'EADDRINUSE']);

    await openLab(page, `lesson=${id}&lang=en`);
    const knob = page.getByTestId('reuse-port');
    await chooseProfile(page, 'linux');
    await expect(knob).toHaveAccessibleDescription(reuseHelp(enUi, 'linux'));
    await expectEndToMatch(page, off, 'Linux without reuse-port');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'EADDRINUSE']);

    await knob.check();
    const end = await expectEndToMatch(page, on, 'Linux with reuse-port');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'ok']);
    const syns = end.segments.filter((s) => s.from === 'client' && s.flags.includes('SYN'));
    expect(syns, 'a second connection from the same port').toHaveLength(2);
    // The new connection starts past everything the old one sent (old SND.NXT + 65537).
    const oldFin = sendsOf(on.trace, 'client').find((e) => e.flags.includes('FIN'));
    const oldSndNxt = (oldFin?.seq ?? 0) + (oldFin?.len ?? 0) + 1;
    expect(syns[1]?.seq).toBe(String((oldSndNxt + 65537) % 2 ** 32));

    await chooseProfile(page, 'rfc9293');
    await expect(knob).toHaveAccessibleDescription(reuseHelp(enUi, 'rfc9293'));
    expect(errors).toEqual([]);
  });

  test('the help text in Chinese follows the profile too', async ({ page }) => {
    const errors = watchErrors(page);
    await openLab(page, `lesson=${id}&lang=zh`);
    const knob = page.getByTestId('reuse-port');
    await expect(knob).toHaveAccessibleDescription(reuseHelp(zhUi, 'rfc9293'));
    await chooseProfile(page, 'linux');
    await expect(knob).toHaveAccessibleDescription(reuseHelp(zhUi, 'linux'));
    expect(errors).toEqual([]);
  });
});

test.describe('reuse-port on the lessons that reconnect with it', () => {
  test('reuse-timestamps: on by default, the stray segment is discarded; off, EADDRINUSE', async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const id: LessonId = 'reuse-timestamps';
    const lesson = lessonScenario(id);
    const on = expectRun(lesson);
    const off = expectRun(withReuse(lesson, false));
    expect(connectResults(on)).toEqual(['ok', 'ok']);
    expect(connectResults(off)).toEqual(['ok', 'EADDRINUSE']);
    const stray = on.trace.events.find(
      (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
    );
    expect(stray?.discarded, 'the engine: PAWS discards the stray segment').toBe('paws');

    await openLab(page, `lesson=${id}&lang=en`);
    const knob = page.getByTestId('reuse-port');
    await expect(knob).toBeChecked();
    await expect(knob).toHaveAccessibleDescription(reuseHelp(enUi, 'linux'));
    await expectEndToMatch(page, on, 'as written');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'ok']);

    await knob.uncheck();
    await expectEndToMatch(page, off, 'without reuse-port');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'EADDRINUSE']);
    expect(errors).toEqual([]);
  });

  test('reuse-without-time-wait (what-if): the old duplicate lands in the second connection', async ({
    page,
  }) => {
    test.slow();
    const errors = watchErrors(page);
    const id: LessonId = 'reuse-without-time-wait';
    const expected = expectRun(lessonScenario(id));
    const engineSyns = sendsOf(expected.trace, 'client').filter((e) => e.flags.includes('SYN'));
    const late = expected.trace.events.find(
      (e): e is DeliverEvent => e.type === 'deliver' && e.delayedMs !== undefined,
    );
    const old = sendsOf(expected.trace, 'client').find((e) => e.id === late?.id);
    expect(old?.t, 'the engine: sent in the first connection').toBeLessThan(engineSyns[1]?.t ?? 0);
    expect(late?.discarded, 'the engine: nothing protects the new connection').toBeUndefined();

    await openLab(page, `lesson=${id}&lang=en`);
    await expect(page.getByTestId('reuse-port')).toBeChecked();
    const end = await expectEndToMatch(page, expected, 'as written');
    await expect.poll(() => drawnConnects(page)).toEqual(['ok', 'ok']);
    const syns = end.segments.filter((s) => s.from === 'client' && s.flags.includes('SYN'));
    expect(syns, 'a second connection from the same port').toHaveLength(2);
    expect(end.server, 'the server keeps the corrupted connection').toBe('ESTABLISHED');
    const oldId = String(old?.id);
    expect(end.segments.find((s) => s.id === oldId)?.fate).toBe('delivered');
    expect(await segmentText(page, oldId), 'the old duplicate is marked').toContain(
      enUi.fates.oldDuplicate,
    );
    expect(errors).toEqual([]);
  });
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

test.describe('knobs that do not apply', () => {
  test('disabled with the reason beside them where the lesson has nothing for them, enabled where it does', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    await openLab(page, 'lesson=closed-port&lang=en');
    const drop = page.getByTestId('drop-final-ack');
    const reuse = page.getByTestId('reuse-port');
    const reason = (knob: string) => page.locator(`[data-testid=knob-reason][data-knob=${knob}]`);
    await expect(drop).toBeDisabled();
    await expect(drop).toHaveAttribute('data-disabled-reason', 'no-final-ack');
    await expect(reason('dropFinalAck')).toBeVisible();
    await expect(reason('dropFinalAck')).toHaveText(enUi.settings.notApplicable['no-final-ack']);
    await expect(reuse).toBeDisabled();
    await expect(reason('reusePort')).toHaveText(enUi.settings.notApplicable['no-reconnect']);
    await expect(page.getByTestId('msl')).toBeDisabled();
    await expect(reason('mslMs')).toBeVisible();

    // A lesson with a four-way close and a port to reuse: every one enabled, no reason shown.
    await page.getByTestId('lesson-select').selectOption('client-closes-first');
    await expect(drop).toBeEnabled();
    await expect(drop).not.toHaveAttribute('data-disabled-reason');
    await expect(reuse).toBeEnabled();
    await expect(page.getByTestId('msl')).toBeEnabled();
    await expect(reason('dropFinalAck')).toHaveCount(0);
    await expect(reason('reusePort')).toHaveCount(0);
    await drop.check();
    await expect(drop).toBeChecked();
    expect(errors).toEqual([]);
  });

  test('says why in Chinese', async ({ page }) => {
    await openLab(page, 'lesson=simultaneous-open&lang=zh');
    await expect(page.getByTestId('drop-final-ack')).toBeDisabled();
    await expect(page.locator('[data-testid=knob-reason][data-knob=dropFinalAck]')).toHaveText(
      zhUi.settings.notApplicable['no-final-ack'],
    );
  });
});
