// An arrow's shaft and head drawn from its start to a fraction of its path; `from` makes the tip
// fly there with framer-motion (the DOM is written directly each frame: no React renders), loaded
// after the first diagram through ./motion.ts.
import { useLayoutEffect, useRef } from 'react';
import { angleOf, pointAt, type Line } from './geometry';
import { animateValue } from './motion';

interface ShaftProps {
  line: Line;
  /** Fraction of the path drawn (1 = at the receiver). */
  to: number;
  /** Animate the tip from this fraction; undefined draws it still. */
  from?: number;
  durationMs?: number;
  head: boolean;
  className?: string;
}

/** The head's corners around its tip (pointing along +x). */
const HEAD: readonly (readonly [number, number])[] = [
  [0, 0],
  [-9, -4.5],
  [-9, 4.5],
];

/**
 * The head's points at fraction `f`, in the drawing's own coordinates: no `transform` attribute,
 * which would give every arrow a transform node of its own to paint and composite.
 */
function headPoints(line: Line, f: number, angle: number): string {
  const p = pointAt(line, f);
  const a = (angle * Math.PI) / 180;
  const cos = Math.cos(a);
  const sin = Math.sin(a);
  return HEAD.map(
    ([x, y]) => `${(p.x + x * cos - y * sin).toFixed(1)},${(p.y + x * sin + y * cos).toFixed(1)}`,
  ).join(' ');
}

export function Shaft({ line, to, from, durationMs = 600, head, className }: ShaftProps) {
  if (from === undefined || from >= to) {
    return <StillShaft line={line} f={to} head={head} className={className} />;
  }
  return (
    <FlyingShaft
      line={line}
      from={from}
      to={to}
      durationMs={durationMs}
      head={head}
      className={className}
    />
  );
}

function StillShaft({
  line,
  f,
  head,
  className,
}: {
  line: Line;
  f: number;
  head: boolean;
  className?: string;
}) {
  const tip = pointAt(line, f);
  return (
    <g className={className}>
      <line className="dg-shaft" x1={line.x1} y1={line.y1} x2={tip.x} y2={tip.y} />
      {head && <polygon className="dg-head" points={headPoints(line, f, angleOf(line))} />}
    </g>
  );
}

function FlyingShaft({
  line,
  from,
  to,
  durationMs,
  head,
  className,
}: {
  line: Line;
  from: number;
  to: number;
  durationMs: number;
  head: boolean;
  className?: string;
}) {
  const shaft = useRef<SVGLineElement>(null);
  const tipRef = useRef<SVGPolygonElement>(null);
  const { x1, y1, x2, y2 } = line;
  const start = pointAt(line, from);
  useLayoutEffect(() => {
    const l = { x1, y1, x2, y2 };
    const angle = angleOf(l);
    const draw = (f: number) => {
      const p = pointAt(l, f);
      shaft.current?.setAttribute('x2', p.x.toFixed(1));
      shaft.current?.setAttribute('y2', p.y.toFixed(1));
      tipRef.current?.setAttribute('points', headPoints(l, f, angle));
    };
    const animation = animateValue({
      keyframes: [from, to],
      duration: durationMs,
      ease: 'easeInOut',
      onUpdate: draw,
    });
    return () => {
      animation.stop();
      // Whatever interrupted the flight, the picture ends where the props say.
      draw(to);
    };
  }, [x1, y1, x2, y2, from, to, durationMs]);
  return (
    <g className={className}>
      <line ref={shaft} className="dg-shaft" x1={x1} y1={y1} x2={start.x} y2={start.y} />
      {head && (
        <polygon ref={tipRef} className="dg-head" points={headPoints(line, from, angleOf(line))} />
      )}
    </g>
  );
}
