// One segment: its arrow (stopped halfway with a ✕ when dropped, up to "now" while in flight), its
// label along the arrow, badges for what is special about it, and any duplicate copy. Memoized:
// an old arrow's props do not change from step to step, so it is not rendered again.
import { memo, type KeyboardEvent } from 'react';
import type { SegmentFate, SegmentInfo } from '../../lab/types';
import { interpolate } from '../../i18n';
import {
  numbersOf,
  pointAt,
  segmentLine,
  segmentText,
  textWidth,
  type Layout,
  type Line,
} from './geometry';
import type { DiagramLabels } from './labels';
import { Shaft } from './Shaft';

export interface SegmentArrowProps {
  seg: SegmentInfo;
  fate: SegmentFate;
  /** Fraction of the path drawn now. */
  frac: number;
  /** Fly the tip from this fraction (this step's new arrow); undefined when still. */
  fromFrac?: number;
  /** Duplicate copies delivered so far, and whether the last one is new this step. */
  copies: number;
  animateCopy: boolean;
  durationMs: number;
  y: (t: number) => number;
  layout: Layout;
  numbering: 'relative' | 'absolute';
  labels: DiagramLabels;
  onActivate: (id: number, fate: SegmentFate) => void;
  /** Put the label under the arrow (it crosses an arrow going the other way). */
  labelBelow?: boolean;
}

export const SegmentArrow = memo(function SegmentArrow(props: SegmentArrowProps) {
  const { seg, fate, frac, fromFrac, copies, animateCopy, durationMs, y, layout } = props;
  const { numbering, labels, onActivate } = props;
  // A stub (in flight or dropped) starts where the previous arrow ends: label it underneath.
  const labelBelow = props.labelBelow === true || fate !== 'delivered';
  const line = segmentLine(seg, layout, y);
  const text = segmentText(seg, numbering, labels);
  const badges = badgesOf(seg, labels);
  const inFlight = fate === 'in-flight';
  const { seq, ack } = numbersOf(seg, numbering);
  const aria = interpolate(labels.segmentAria, {
    id: seg.id,
    from: labels.sides[seg.from],
    to: labels.sides[seg.to],
    flags: seg.flags.join('+'),
    seq,
    ack: ack ?? '—',
    len: seg.len,
    fate: labels.fates[fate],
  });
  const hint = inFlight ? labels.clickToDrop : labels.clickToInspect;
  // The accessible name starts with all the text drawn inside, in document order, so that what
  // voice-control users read on screen names the button (WCAG 2.5.3).
  const visibleText = [
    fate === 'dropped' ? labels.dropped : '',
    text,
    badges.join(' · '),
    ...seg.copies.slice(0, copies).map(() => labels.duplicate),
  ]
    .filter(Boolean)
    .join(' ');
  const label = placeLabel(line, frac, layout, textWidth(text, layout.narrow ? 10 : 11));
  const tip = pointAt(line, frac);
  const activate = () => onActivate(seg.id, fate);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      activate();
    }
  };
  const classes = [
    'dg-seg',
    `dg-seg--${seg.from}`,
    `dg-seg--${fate}`,
    seg.retransmission ? 'dg-seg--retx' : '',
    seg.old ? 'dg-seg--old' : '',
    fromFrac !== undefined ? 'dg-seg--new' : '',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <g
      className={classes}
      data-testid="segment"
      data-id={seg.id}
      data-from={seg.from}
      data-flags={seg.flags.join(',')}
      data-seq={seg.seq}
      data-ack={seg.ack}
      data-len={seg.len}
      data-fate={fate}
      role="button"
      tabIndex={0}
      aria-label={`${visibleText}. ${aria}. ${hint}`}
      onClick={activate}
      onKeyDown={onKeyDown}
      style={fromFrac !== undefined ? { ['--dg-delay' as string]: `${durationMs}ms` } : undefined}
    >
      <line className="dg-hit" x1={line.x1} y1={line.y1} x2={tip.x} y2={tip.y} />
      <Shaft
        line={line}
        to={frac}
        from={fromFrac}
        durationMs={durationMs}
        head={fate !== 'dropped'}
        className="dg-arrow"
      />
      {fate === 'dropped' && <DropMark x={tip.x} y={tip.y} text={labels.dropped} />}
      <g transform={label.transform}>
        <text className="dg-label" y={labelBelow ? 13 : -5}>
          {`${text} `}
        </text>
        {badges.length > 0 && (
          <text className="dg-badge" y={labelBelow ? 25 : -17}>
            {badges.join(' · ')}
          </text>
        )}
      </g>
      {seg.copies.slice(0, copies).map((copy, i) => {
        const copyLine = segmentLine(seg, layout, y, copy.t);
        const mid = pointAt(copyLine, 0.62);
        const isNew = animateCopy && i === copies - 1;
        return (
          <g key={i} className="dg-copy">
            <Shaft
              line={copyLine}
              to={1}
              from={isNew ? 0 : undefined}
              durationMs={durationMs}
              head
              className="dg-arrow"
            />
            <text className="dg-badge" x={mid.x} y={mid.y + 14}>
              {labels.duplicate}
            </text>
          </g>
        );
      })}
    </g>
  );
});

function badgesOf(seg: SegmentInfo, labels: DiagramLabels): string[] {
  const out: string[] = [];
  if (seg.retransmission) out.push(`↻ ${labels.retransmission}`);
  if (seg.copies.length > 0) out.push(`2× ${labels.duplicate}`);
  if (seg.delayedMs > 0) {
    out.push(interpolate(labels.delayed, { duration: labels.duration(seg.delayedMs) }));
  }
  if (seg.old) out.push(`⚠ ${labels.oldDuplicate}`);
  if (seg.injected) out.push(labels.injected);
  return out;
}

/**
 * Where the label sits: along the drawn part of the arrow, its middle kept far enough from both
 * lifelines that the text does not run over them; turned with the arrow unless that is steep.
 */
function placeLabel(
  line: Line,
  frac: number,
  layout: Layout,
  width: number,
): { transform: string } {
  const left = Math.min(layout.x.client, layout.x.server);
  const right = Math.max(layout.x.client, layout.x.server);
  const span = line.x2 - line.x1;
  // Text turns with the arrow's slope (never upside down), unless that is steep.
  const slope = span === 0 ? 0 : (line.y2 - line.y1) / span;
  const a = (Math.atan(slope) * 180) / Math.PI;
  const turn = Math.abs(a) <= 35 ? a : 0;
  // Narrow screens hang the state pills on the lifelines: keep clear of them too.
  const reach = (Math.cos((turn * Math.PI) / 180) * width) / 2 + (layout.narrow ? 36 : 6);
  const visible = pointAt(line, frac >= 1 ? 0.5 : frac / 2 + 0.05);
  let cx = visible.x;
  if (right - left > reach * 2) cx = Math.min(right - reach, Math.max(left + reach, cx));
  else cx = (left + right) / 2;
  const f = span === 0 ? 0.5 : (cx - line.x1) / span;
  const p = pointAt(line, Math.min(1, Math.max(0, f)));
  return {
    transform: `translate(${p.x.toFixed(1)} ${p.y.toFixed(1)}) rotate(${turn.toFixed(1)})`,
  };
}

function DropMark({ x, y, text }: { x: number; y: number; text: string }) {
  const r = 6;
  // Absolute coordinates rather than a transform (see Shaft's head).
  const cx = Number(x.toFixed(1));
  const cy = Number(y.toFixed(1));
  const d = `M${cx - r},${cy - r}L${cx + r},${cy + r}M${cx + r},${cy - r}L${cx - r},${cy + r}`;
  return (
    <g className="dg-drop">
      <circle className="dg-drop-halo" cx={cx} cy={cy} r={r + 4} />
      <path className="dg-drop-x" d={d} />
      <text className="dg-drop-text" x={cx} y={cy - r - 6}>
        {/* The trailing space keeps it a separate word in the segment's text content. */}
        {`${text} `}
      </text>
    </g>
  );
}
