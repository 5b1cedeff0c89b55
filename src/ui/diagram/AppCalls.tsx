import { memo } from 'react';
import type { SocketOwner } from '../../engine/types';
import { interpolate } from '../../i18n';
import type { StateChange } from '../../lab/stateChanges';
import type { AppCallMark } from '../../lab/types';
import { ownerX, textWidth, type Layout } from './geometry';
import type { DiagramLabels } from './labels';
import { appCallTag } from './sockets';
import { PILL_HALF, pillCentres } from './StateBadges';
import type { VisibleRange } from './useVisibleRange';

const FONT = 9.5;
const HEIGHT = 14;
/** The tag sits this far above the call's time: clear of the arrows leaving at that instant. */
const LIFT = 15;
/** Calls of one owner closer than this stack upward instead of covering each other. */
const STACK = HEIGHT + 2;

/**
 * Where a tag `width` wide starts. Wide screens: on the inner side of the client's and the server's
 * lifelines (the outer lanes hold the state pills), on the server's side of the listener's line.
 * Narrow ones, where the arrows are short and their labels reach the lifelines: centred on the
 * line (the pills hang below the instant there), kept between the time gutter and the edge.
 */
function tagX(
  layout: Layout,
  who: SocketOwner,
  line: number,
  width: number,
  onPill: boolean,
): number {
  const inner = who === 'client' ? line + 5 : line - 5 - width;
  // A pill stacked under an earlier change would sit under a centred tag: beside it, then.
  if (!layout.narrow || who === 'listener' || onPill) return inner;
  const low = layout.gutter + 2;
  const high = layout.listener - 4 - width;
  return Math.max(low, Math.min(high, line - width / 2));
}

/**
 * Each application call as a small tag on its socket's line at the time it returned (see tagX).
 * A failed call reads in the danger colour, bold, and keeps its error whole however narrow.
 */
export const AppCalls = memo(function AppCalls({
  calls,
  changes,
  y,
  layout,
  labels,
  range = null,
}: {
  calls: readonly AppCallMark[];
  /** The state changes shown (their pills), which a tag keeps clear of on narrow screens. */
  changes: readonly StateChange[];
  y: (t: number) => number;
  layout: Layout;
  labels: DiagramLabels;
  /** Long runs draw only the tags near the visible part. */
  range?: VisibleRange | null;
}) {
  const max = layout.narrow ? 15 : 26;
  const taken: Record<SocketOwner, number[]> = { client: [], server: [], listener: [] };
  const pills: Record<SocketOwner, number[]> = { client: [], server: [], listener: [] };
  if (layout.narrow) {
    const centres = pillCentres(changes, y, layout);
    for (const change of changes) {
      const cy = centres.get(change.index);
      if (cy !== undefined) pills[change.who].push(cy);
    }
  }
  const placed = calls.map((call) => {
    const at = y(call.t);
    // Calls of one owner at (nearly) one instant stack upward rather than cover each other; times
    // only grow, so only the last few tags can be in the way.
    const mine = taken[call.who];
    const near = mine.slice(-8);
    let cy = at - LIFT;
    while (near.some((other) => Math.abs(other - cy) < STACK)) cy -= STACK;
    // Narrow screens: a pill stacked under an earlier change may sit where a centred tag goes.
    // Just under it, if that still clears the arrows at this instant; else beside the lifeline.
    let onPill = false;
    for (const pill of pills[call.who]) {
      if (Math.abs(pill - cy) >= PILL_HALF + HEIGHT / 2 + 1) continue;
      const under = pill + PILL_HALF + HEIGHT / 2 + 1;
      if (under <= at - HEIGHT / 2 - 2) cy = under;
      else onPill = true;
    }
    mine.push(cy);
    return { call, at, cy, onPill };
  });
  return (
    <g className="dg-calls">
      {placed.map(({ call, at, cy, onPill }) => {
        if (range && (at < range.top - 400 || at > range.bottom + 400)) return null;
        const text = appCallTag(call, max);
        const width = textWidth(text, FONT) + 10;
        const line = ownerX(layout, call.who);
        const x = tagX(layout, call.who, line, width, onPill);
        const failed = call.result !== 'ok';
        const aria = interpolate(labels.appCallAria, {
          owner: labels.appOwners[call.who],
          call: call.call,
          result: call.result,
          time: labels.duration(call.t),
        });
        return (
          <g
            key={call.index}
            className={`dg-call dg-call--${call.who}${failed ? ' dg-call--failed' : ''}`}
            data-testid="app-call"
            data-who={call.who}
            data-call={call.call}
            data-result={call.result}
            role="img"
            aria-label={aria}
          >
            <title>{aria}</title>
            <line className="dg-call-tie" x1={line} x2={line} y1={cy + HEIGHT / 2} y2={at} />
            <rect x={x} y={cy - HEIGHT / 2} width={width} height={HEIGHT} rx={3} />
            <text x={x + width / 2} y={cy + 3.3}>
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
});
