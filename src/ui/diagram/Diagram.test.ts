// The diagram rendered to static markup: its test hooks, fates, the halfway drop and in-flight
// affordances. (Components are built with createElement: the unit tests are .ts files.)
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../engine/types';
import { runWithCauses } from '../../lab/run';
import { buildTimeAxis } from '../../lab/timeAxis';
import { createStepper } from '../../lab/view';
import { crossingIds, Diagram, type DiagramProps } from './Diagram';
import {
  formatDuration,
  layoutFor,
  shownFraction,
  stepDurationMs,
  arrowDurationMs,
} from './geometry';
import { DEFAULT_DIAGRAM_LABELS } from './labels';
import { collectStateChanges, stateChangesUpTo } from '../../lab/stateChanges';

const open = [
  { at: 0, who: 'server', do: 'listen' },
  { at: 100, who: 'client', do: 'connect' },
] as const;

const lostFinalAck: Scenario = {
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [
    ...open,
    { at: 200, who: 'client', do: 'close' },
    { at: 300, who: 'server', do: 'close' },
  ],
  faults: [{ who: 'client', flags: 'ACK', nth: 1, after: 300, fate: 'drop' }],
};

function setup(scenario: Scenario) {
  const run = runWithCauses(scenario);
  const stepper = createStepper(run);
  const axis = buildTimeAxis(run.events.map((e) => e.t));
  const changes = collectStateChanges(run.events);
  const props = (step: number, extra: Partial<DiagramProps> = {}): DiagramProps => ({
    segments: stepper.segments,
    view: stepper.viewAt(step),
    axis,
    stateChanges: stateChangesUpTo(changes, stepper.steps[step - 1]?.end ?? 0),
    endpoints: { client: { label: '192.0.2.1:40000' }, server: { label: '192.0.2.2:8080' } },
    ...extra,
  });
  const html = (step: number, extra?: Partial<DiagramProps>) =>
    renderToStaticMarkup(createElement(Diagram, props(step, extra)));
  return { run, stepper, html };
}

/** Attributes of each `segment` element, in document order. */
function segmentsIn(html: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  for (const match of html.matchAll(/<g [^>]*data-testid="segment"[^>]*>/g)) {
    const attrs: Record<string, string> = {};
    for (const a of match[0].matchAll(/([\w-]+)="([^"]*)"/g)) attrs[a[1]!] = a[2]!;
    out.push(attrs);
  }
  return out;
}

describe('Diagram', () => {
  const { stepper, html } = setup(lostFinalAck);
  const last = stepper.stepsCount;

  it('draws both lifelines and each state once, with the state at the shown step', () => {
    const page = html(last);
    for (const side of ['client', 'server']) {
      expect(page.match(new RegExp(`data-testid="lifeline-${side}"`, 'g'))).toHaveLength(1);
      expect(page.match(new RegExp(`data-testid="state-${side}"`, 'g'))).toHaveLength(1);
    }
    const view = stepper.viewAt(last);
    expect(page).toContain(`data-testid="state-client" data-state="${view.states.client}"`);
    expect(page).toContain(`data-testid="state-server" data-state="${view.states.server}"`);
    expect(page).toContain('192.0.2.1:40000');
    expect(page).toMatch(/role="img" aria-label="Sequence diagram: \d+ segments, client /);
  });

  it('has one segment element per segment sent, with the contract hooks', () => {
    for (const step of [0, 3, last]) {
      const view = stepper.viewAt(step);
      const segs = segmentsIn(html(step));
      expect(segs).toHaveLength(view.fates.size);
      for (const attrs of segs) {
        const seg = stepper.segments.find((s) => s.id === Number(attrs['data-id']))!;
        expect(attrs['data-from']).toBe(seg.from);
        expect(attrs['data-flags']).toBe(seg.flags.join(','));
        expect(attrs['data-seq']).toBe(String(seg.seq));
        expect(attrs['data-ack']).toBe(String(seg.ack));
        expect(attrs['data-len']).toBe(String(seg.len));
        expect(attrs['data-fate']).toBe(view.fates.get(seg.id));
      }
    }
  });

  it('stops a dropped segment halfway with a ✕, and marks the retransmission', () => {
    const page = html(last);
    const dropped = stepper.segments.find((s) => s.droppedAt !== null)!;
    const layout = layoutFor(640);
    const group = page.slice(page.indexOf(`data-id="${dropped.id}"`));
    const shaft = /<line class="dg-shaft" x1="([\d.]+)" y1="[\d.]+" x2="([\d.]+)"/.exec(group)!;
    expect(Number(shaft[1])).toBe(layout.x.client);
    expect(Number(shaft[2])).toBeCloseTo((layout.x.client + layout.x.server) / 2, 1);
    expect(group.slice(0, group.indexOf('</g></g>'))).toContain('dg-drop-x');
    expect(page).toContain('data-fate="dropped"');
    expect(page).toContain('↻ retransmission');
  });

  it('shows relative numbers by default and absolute ones on request, hooks staying absolute', () => {
    expect(html(last)).toContain('SYN seq=0');
    const abs = html(last, { numbering: 'absolute' });
    expect(abs).toContain('SYN seq=1000');
    expect(segmentsIn(abs)[0]?.['data-seq']).toBe('1000');
  });

  it('makes a segment in flight a keyboard-reachable drop button', () => {
    const step = [...Array(last).keys()].find((k) =>
      [...stepper.viewAt(k + 1).fates.values()].includes('in-flight'),
    )!;
    const page = html(step + 1);
    const inFlight = segmentsIn(page).find((a) => a['data-fate'] === 'in-flight')!;
    expect(inFlight.role).toBe('button');
    expect(inFlight.tabindex).toBe('0');
    expect(inFlight['aria-label']).toContain('Click to drop this segment');
  });

  it('draws running timers with their names', () => {
    const step = [...Array(last).keys()]
      .map((k) => k + 1)
      .find((k) => stepper.viewAt(k).timers.some((t) => t.timer === 'time-wait'))!;
    const page = html(step);
    expect(page).toContain('dg-timer--time-wait');
    expect(page).toContain('TIME_WAIT');
    expect(page).toContain('(2·MSL)');
  });

  it('marks a compressed stretch of time', () => {
    const page = html(last);
    expect(page).toContain('≈ 4 min');
  });

  it('is a pure function of its props: an animated step ends as the still one', () => {
    const still = html(3);
    const again = html(3);
    expect(again).toBe(still);
    // Animation changes where a new arrow's tip starts (and a class), never the hooks.
    const hooks = (page: string) =>
      segmentsIn(page).map(({ class: _c, style: _s, ...rest }) => rest);
    expect(hooks(html(3, { animateStep: 3 }))).toEqual(hooks(still));
  });
});

describe('geometry', () => {
  const units = DEFAULT_DIAGRAM_LABELS.units;
  it('formats durations as a person would say them', () => {
    expect(formatDuration(250, units)).toBe('250 ms');
    expect(formatDuration(1500, units)).toBe('1.5 s');
    expect(formatDuration(240_000, units)).toBe('4 min');
    expect(formatDuration(59_000, units)).toBe('59 s');
  });

  it('gives the shell a step duration that outlasts the arrow at every speed', () => {
    for (const speed of [0.25, 0.5, 1, 2, 4]) {
      expect(stepDurationMs(speed)).toBeGreaterThan(arrowDurationMs(speed));
    }
    expect(arrowDurationMs(1)).toBe(600);
  });

  it('draws a segment in flight at least 0.4 along, never past its drop point', () => {
    const { stepper } = setup(lostFinalAck);
    const dropped = stepper.segments.find((s) => s.droppedAt !== null)!;
    expect(shownFraction(dropped, 'in-flight', dropped.sentAt)).toBe(0.4);
    expect(shownFraction(dropped, 'in-flight', dropped.droppedAt!)).toBe(0.5);
    expect(shownFraction(dropped, 'dropped', dropped.droppedAt!)).toBe(0.5);
  });

  it('finds the server arrows that cross a client one (simultaneous open)', () => {
    const { stepper, run } = setup({
      actions: [
        { at: 0, who: 'server', do: 'connect' },
        { at: 0, who: 'client', do: 'connect' },
      ],
    });
    const axis = buildTimeAxis(run.events.map((e) => e.t));
    const ids = crossingIds(stepper.segments, axis.y);
    const serverSyn = stepper.segments.find(
      (s) => s.from === 'server' && s.flags.join() === 'SYN',
    )!;
    expect(ids.has(serverSyn.id)).toBe(true);
    // Handshake arrows that only touch at a lifeline do not cross.
    const { stepper: plain, run: plainRun } = setup(lostFinalAck);
    expect(crossingIds(plain.segments, buildTimeAxis(plainRun.events.map((e) => e.t)).y).size).toBe(
      0,
    );
  });

  it('cuts the state changes at a step', () => {
    const { run, stepper } = setup(lostFinalAck);
    const all = collectStateChanges(run.events);
    expect(stateChangesUpTo(all, 0)).toEqual([]);
    expect(stateChangesUpTo(all, run.events.length)).toEqual(all);
    const end = stepper.steps[1]!.end;
    expect(stateChangesUpTo(all, end).every((c) => c.index < end)).toBe(true);
  });
});
