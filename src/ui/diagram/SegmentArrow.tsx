// One segment: its arrow (stopped halfway with a ✕ when dropped, up to "now" while in flight), its
// label along the arrow, badges for what is special about it, and any duplicate copy. Memoized:
// an old arrow's props do not change from step to step, so it is not rendered again.
import { memo, type KeyboardEvent } from 'react';
import type { SegmentFate, SegmentInfo } from '../../lab/types';
import { interpolate } from '../../i18n';
import { numbersOf, pointAt, segmentLine, segmentText, textWidth, type Layout } from './geometry';
import { DROP_TEXT_RISE, labelLines, labelOffsets, placeLabel, type LabelPlace } from './place';
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
  y: (t: number, offset?: number) => number;
  layout: Layout;
  numbering: 'relative' | 'absolute';
  labels: DiagramLabels;
  onActivate: (id: number, fate: SegmentFate) => void;
  /** Put the label under the arrow (it crosses an arrow going the other way). */
  labelBelow?: boolean;
  /** Where the label goes, chosen clear of every other text (layoutCheck.ts); else on its arrow. */
  label?: LabelPlace;
}

export const SegmentArrow = memo(SegmentArrowView, samePlace);

/** Memo's test: the same props, the label's place compared by value (it is computed each step). */
function samePlace(a: SegmentArrowProps, b: SegmentArrowProps): boolean {
  for (const key of Object.keys({ ...a, ...b }) as (keyof SegmentArrowProps)[]) {
    if (key === 'label') continue;
    if (!Object.is(a[key], b[key])) return false;
  }
  const p = a.label;
  const q = b.label;
  if (!p || !q) return p === q;
  return (
    p.x === q.x &&
    p.y === q.y &&
    p.turn === q.turn &&
    p.where === q.where &&
    p.lift === q.lift &&
    p.split === q.split
  );
}

function SegmentArrowView(props: SegmentArrowProps) {
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
  const label = props.label ?? {
    ...placeLabel(line, frac, layout, textWidth(text, layout.narrow ? 10 : 11)),
    where: labelBelow ? ('below' as const) : ('above' as const),
    lift: 0,
  };
  const size = layout.narrow ? 10 : 11;
  const dy = labelOffsets(label, size);
  const lines = labelLines(text, label.split);
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
      <g transform={`translate(${label.x} ${label.y}) rotate(${label.turn})`}>
        {label.lift >= 2 && (
          // A label moved well off its arrow (a crowded phone drawing) is joined to it.
          <line className="dg-leader" x1={0} y1={0} x2={0} y2={leaderEnd(dy.lines, label, size)} />
        )}
        {lines.length === 1 ? (
          <text className="dg-label" y={dy.lines[0]}>
            {`${text} `}
          </text>
        ) : (
          <text className="dg-label">
            {lines.map((part, k) => (
              <tspan key={k} x={0} y={dy.lines[k]}>
                {k === lines.length - 1 ? `${part} ` : part}
              </tspan>
            ))}
          </text>
        )}
        {badges.length > 0 && (
          <text className="dg-badge" y={dy.badge}>
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
}

/** Where a leader from the arrow meets its label: the edge of the label's line nearest the arrow. */
function leaderEnd(lines: readonly number[], label: LabelPlace, size: number): number {
  return label.where === 'above' ? (lines.at(-1) ?? 0) + 0.3 * size : (lines[0] ?? 0) - size;
}

export function badgesOf(seg: SegmentInfo, labels: DiagramLabels): string[] {
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
      <text className="dg-drop-text" x={cx} y={cy - DROP_TEXT_RISE}>
        {/* The trailing space keeps it a separate word in the segment's text content. */}
        {`${text} `}
      </text>
    </g>
  );
}
