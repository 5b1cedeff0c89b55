// The overview strip: the whole run as a sequence diagram turned on its side (time to the right,
// the client on top, the server below), the part shown so far, the current step and where the last
// knob change first shows (what has not happened yet is faded). A click goes to the step drawn
// nearest. It repeats what the scrubber and
// the step buttons offer (those are the keyboard's way), so it is hidden from assistive technology.
import { memo, useId, useMemo, type MouseEvent } from 'react';
import type { SegmentInfo } from '../../lab/types';
import { strokePaths } from './strokePaths';

export interface MinimapProps {
  segments: readonly SegmentInfo[];
  /** Each step's time, in order. */
  steps: readonly { t: number }[];
  /** The run's time axis (the drawing's y of a time). */
  y: (t: number) => number;
  /** The step shown and its time. */
  step: number;
  t: number;
  /** Where the last knob change first shows, or null. */
  marked: number | null;
  label: string;
  /** A click, as the drawing's y it points at (the diagram finds the step drawn nearest). */
  onJumpToY: (y: number) => void;
}

const W = 1000;
const H = 20;

/** The strip's x of a drawing's y, in a run drawn from `y0` over `span`. */
const stripX = (y: number, y0: number, span: number) =>
  Math.min(W, Math.max(0, ((y - y0) / span) * W));

/**
 * Every segment as a stroke of one path per side: a run of any length is four elements (each
 * side's path drawn twice, below faded and above clipped to what has happened), drawn once per run.
 * A step only moves the clip. Strokes that round to the same half unit are drawn once
 * (./strokePaths.ts): the strip is 1,000 units wide, so a long run has far fewer distinct strokes
 * than segments.
 */
export function minimapPaths(
  segments: readonly SegmentInfo[],
  x: (time: number) => number,
): Record<'client' | 'server', string> {
  return strokePaths(
    segments,
    SIDES,
    (seg, out) => {
      const arrival = seg.deliveredAt ?? seg.droppedAt;
      const x1 = x(seg.sentAt);
      const end = arrival === null ? x1 + 4 : x(arrival);
      // A dropped arrow stops halfway, as on the diagram.
      out.x1 = x1;
      out.x2 = seg.deliveredAt === null ? (x1 + end) / 2 : end;
      const down = seg.from === 'client';
      out.y1 = down ? 3 : H - 3;
      out.y2 = seg.deliveredAt === null ? H / 2 : down ? H - 3 : 3;
      return seg.from;
    },
    0.5,
  );
}

const SIDES = ['client', 'server'] as const;

export const Minimap = memo(function Minimap({
  segments,
  steps,
  y,
  step,
  t,
  marked,
  label,
  onJumpToY,
}: MinimapProps) {
  const last = steps.at(-1)?.t ?? 0;
  const y0 = y(0);
  const span = Math.max(1, y(last) - y0);
  const x = (time: number) => stripX(y(time), y0, span);
  const paths = useMemo(
    () => minimapPaths(segments, (time) => stripX(y(time), y0, span)),
    [segments, y, y0, span],
  );
  const clipId = `dg-mm-clip-${useId().replace(/[^\w-]/g, '')}`;
  const markedT = marked === null ? null : (steps[marked - 1]?.t ?? null);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const f = (event.clientX - box.left) / box.width;
    onJumpToY(y0 + f * span);
  };

  const now = step > 0 ? x(t) : 0;
  return (
    <div
      className="dg-minimap"
      data-testid="diagram-minimap"
      data-step={step}
      title={label}
      aria-hidden="true"
      onClick={onClick}
    >
      <svg viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none">
        <defs>
          <clipPath id={clipId}>
            <rect x={0} y={0} width={now} height={H} />
          </clipPath>
        </defs>
        <rect className="dg-mm-seen" x={0} y={0} width={now} height={H} />
        <MinimapStrokes paths={paths} className="dg-mm-later" />
        <MinimapStrokes paths={paths} clipPath={`url(#${clipId})`} />
        {markedT !== null && (
          <line className="dg-mm-marked" x1={x(markedT)} x2={x(markedT)} y1={0} y2={H} />
        )}
        {step > 0 && <line className="dg-mm-now" x1={now} x2={now} y1={0} y2={H} />}
      </svg>
    </div>
  );
});

/** Both sides' strokes; memoized, so a step re-renders none of them. */
const MinimapStrokes = memo(function MinimapStrokes({
  paths,
  className,
  clipPath,
}: {
  paths: Record<'client' | 'server', string>;
  className?: string;
  clipPath?: string;
}) {
  return (
    <g className={className} clipPath={clipPath}>
      <path className="dg-mm-seg dg-mm-seg--client" d={paths.client} />
      <path className="dg-mm-seg dg-mm-seg--server" d={paths.server} />
    </g>
  );
});
