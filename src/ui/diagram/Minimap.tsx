// The overview strip: the whole run as a sequence diagram turned on its side (time to the right,
// the client on top, the server below), the part shown so far, the current step and where the last
// knob change first shows. A click goes to the step drawn nearest. It repeats what the scrubber and
// the step buttons offer (those are the keyboard's way), so it is hidden from assistive technology.
import { memo, useMemo, type MouseEvent } from 'react';
import type { SegmentInfo } from '../../lab/types';

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
  const span = Math.max(1, y(last) - y(0));
  const x = (time: number) => Math.min(W, Math.max(0, ((y(time) - y(0)) / span) * W));
  const lines = useMemo(() => {
    const at = (time: number) => Math.min(W, Math.max(0, ((y(time) - y(0)) / span) * W));
    return segments.map((seg) => {
      const arrival = seg.deliveredAt ?? seg.droppedAt;
      const x2 = arrival === null ? at(seg.sentAt) + 4 : at(arrival);
      const down = seg.from === 'client';
      return {
        id: seg.id,
        sentStep: seg.sentStep,
        from: seg.from,
        x1: at(seg.sentAt),
        // A dropped arrow stops halfway, as on the diagram.
        x2: seg.deliveredAt === null ? (at(seg.sentAt) + x2) / 2 : x2,
        y1: down ? 3 : H - 3,
        y2: down
          ? seg.deliveredAt === null
            ? H / 2
            : H - 3
          : seg.deliveredAt === null
            ? H / 2
            : 3,
      };
    });
  }, [segments, y, span]);
  const markedT = marked === null ? null : (steps[marked - 1]?.t ?? null);

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width <= 0) return;
    const f = (event.clientX - box.left) / box.width;
    onJumpToY(y(0) + f * span);
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
        <rect className="dg-mm-seen" x={0} y={0} width={now} height={H} />
        {lines.map((l) => (
          <line
            key={l.id}
            className={`dg-mm-seg dg-mm-seg--${l.from}${l.sentStep > step ? ' dg-mm-seg--later' : ''}`}
            x1={l.x1}
            y1={l.y1}
            x2={l.x2}
            y2={l.y2}
          />
        ))}
        {markedT !== null && (
          <line className="dg-mm-marked" x1={x(markedT)} x2={x(markedT)} y1={0} y2={H} />
        )}
        {step > 0 && <line className="dg-mm-now" x1={now} x2={now} y1={0} y2={H} />}
      </svg>
    </div>
  );
});
