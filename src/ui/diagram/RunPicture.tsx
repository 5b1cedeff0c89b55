// The whole-run view of a long run: its arrows drawn as one picture, six paths (each direction's
// delivered, dropped and never-arrived arrows, coloured as the arrows' classes colour them) rather
// than an element per segment. Fitted into the box, such a run puts its arrows a pixel or so
// apart, where none could be read or clicked, and an element per segment would freeze the page
// (200,000 of them take minutes to mount). The paths are built once per run and size; a step only
// changes the mask, which hides what the step shown has not reached (as the overview strip's clip
// does) and every arrow the diagram draws for real over the picture (those the step changes or
// leaves in flight), so that nothing still to happen is shown as happened.
import { memo, useEffect, useId, useMemo, useState } from 'react';
import type { Side } from '../../engine/types';
import type { SegmentFate, SegmentInfo } from '../../lab/types';
import { fateAt } from '../../lab/view';
import { lineLength, pointAt, segmentLine, shownFraction, type Layout } from './geometry';
import { finish, inSlices, type Work } from '../../lab/slices';
import { pageClock } from './prepareRun';
import { strokePathsWork, type Stroke } from './strokePaths';

/**
 * Whole-run views of runs with more segments than this draw them as one picture. Fitted into a
 * box a screen tall, such a run's labels are under a pixel tall and its arrows a pixel or so
 * apart: nothing to read or aim at one by one. It is also the most arrows the diagram mounts
 * anywhere else (a run this short is drawn whole, a longer one only near the screen, Diagram's
 * WINDOW_FROM): mounting one takes up to a millisecond in Chromium on our busy 2-CPU machines.
 */
export const PICTURE_FROM = 120;

/** Whether the whole-run view of a run of `segmentCount` segments is drawn as a picture. */
export function drawnAsPicture(segmentCount: number): boolean {
  return segmentCount > PICTURE_FROM;
}

type Kind = `${Side}-${SegmentFate}`;

const KINDS: readonly Kind[] = [
  'client-delivered',
  'client-dropped',
  'client-in-flight',
  'server-delivered',
  'server-dropped',
  'server-in-flight',
];

const KIND_OF: Record<Side, Record<SegmentFate, Kind>> = {
  client: {
    delivered: 'client-delivered',
    dropped: 'client-dropped',
    'in-flight': 'client-in-flight',
  },
  server: {
    delivered: 'server-delivered',
    dropped: 'server-dropped',
    'in-flight': 'server-in-flight',
  },
};

type Y = (t: number, offset?: number) => number;

const copy = (line: Stroke, out: Stroke) => {
  out.x1 = line.x1;
  out.y1 = line.y1;
  out.x2 = line.x2;
  out.y2 = line.y2;
};

/**
 * The run's arrows as they end (delivered, stopped halfway where dropped, a stub where never
 * arrived) and its duplicate copies, one path per kind, their ends rounded to `grid` units.
 */
export function runPicturePaths(
  segments: readonly SegmentInfo[],
  layout: Layout,
  y: Y,
  grid: number,
): Record<Kind, string> {
  return finish(runPicturePathsWork(segments, layout, y, grid));
}

/** runPicturePaths as work that may pause. */
export function* runPicturePathsWork(
  segments: readonly SegmentInfo[],
  layout: Layout,
  y: Y,
  grid: number,
): Work<Record<Kind, string>> {
  const arrows = yield* strokePathsWork(
    segments,
    KINDS,
    (seg, out) => {
      const fate = fateAt(seg, Infinity);
      const line = segmentLine(seg, layout, y);
      const tip = pointAt(line, shownFraction(seg, fate, Infinity, lineLength(line)));
      copy(line, out);
      out.x2 = tip.x;
      out.y2 = tip.y;
      return KIND_OF[seg.from][fate];
    },
    grid,
  );
  const copies = segments.flatMap((seg) => seg.copies.map((c) => ({ seg, t: c.t })));
  if (copies.length === 0) return arrows;
  const more = yield* strokePathsWork(
    copies,
    KINDS,
    ({ seg, t }, out) => {
      copy(segmentLine(seg, layout, y, t), out);
      return KIND_OF[seg.from].delivered;
    },
    grid,
  );
  for (const kind of KINDS) arrows[kind] += more[kind];
  return arrows;
}

/**
 * Pictures of runs of up to this many segments are built as they are drawn (a millisecond or two);
 * a longer run's is built in slices of a few milliseconds, the page answering in between, and
 * shown when done (a frame or a few later): 20,000 segments take tens of milliseconds, more than
 * one task may.
 */
const BUILT_AT_ONCE = 1_000;

/** The last picture built of each run: leaving the whole-run view and coming back builds none. */
const built = new WeakMap<
  readonly SegmentInfo[],
  { layout: Layout; y: Y; grid: number; paths: Record<Kind, string> }
>();

function builtBefore(segments: readonly SegmentInfo[], layout: Layout, y: Y, grid: number) {
  const last = built.get(segments);
  return last && last.layout === layout && last.y === y && last.grid === grid ? last.paths : null;
}

/** The run's picture at this size: at once, from before, or once built in slices (null until). */
function usePicturePaths(
  segments: readonly SegmentInfo[],
  layout: Layout,
  y: Y,
  grid: number,
): Record<Kind, string> | null {
  const [, setBuilt] = useState(0);
  let paths = builtBefore(segments, layout, y, grid);
  if (!paths && segments.length <= BUILT_AT_ONCE) {
    paths = runPicturePaths(segments, layout, y, grid);
    built.set(segments, { layout, y, grid, paths });
  }
  const ready = paths !== null;
  useEffect(() => {
    if (ready) return;
    let wanted = true;
    void inSlices(runPicturePathsWork(segments, layout, y, grid), pageClock(), {
      stillWanted: () => wanted,
    }).then((done) => {
      if (!done) return;
      built.set(segments, { layout, y, grid, paths: done });
      setBuilt((n) => n + 1);
    });
    return () => {
      wanted = false;
    };
  }, [ready, segments, layout, y, grid]);
  return paths;
}

/** The full lines (and copies') of the arrows drawn for real: the picture is hidden under them. */
function linesOf(segments: readonly SegmentInfo[], layout: Layout, y: Y): string {
  const d: string[] = [];
  const line = (l: Stroke) => d.push(`M${l.x1} ${l.y1}L${l.x2} ${l.y2}`);
  for (const seg of segments) {
    line(segmentLine(seg, layout, y));
    for (const c of seg.copies) line(segmentLine(seg, layout, y, c.t));
  }
  return d.join('');
}

export interface RunPictureProps {
  segments: readonly SegmentInfo[];
  layout: Layout;
  y: Y;
  /** The drawing's size (its units). */
  height: number;
  /** CSS pixels per drawing unit where it is shown; below one pixel wide, nothing is drawn. */
  pxPerUnit: number;
  /** How far down the step shown has reached ("now"): nothing below it is shown. */
  seenTo: number;
  /** The segments the diagram draws as arrows of their own at this step. */
  arrows: readonly SegmentInfo[];
}

export function RunPicture({
  segments,
  layout,
  y,
  height,
  pxPerUnit,
  seenTo,
  arrows,
}: RunPictureProps) {
  const maskId = `dg-picture-${useId().replace(/[^\w-]/g, '')}`;
  const visible = pxPerUnit * layout.width >= 1;
  // Half a pixel where shown: strokes closer than that are one stroke.
  const grid = visible ? 0.5 / pxPerUnit : 0;
  const hidden = useMemo(() => linesOf(arrows, layout, y), [arrows, layout, y]);
  if (!visible) return null;
  return (
    <g className="dg-picture" aria-hidden="true" data-testid="diagram-picture">
      <mask id={maskId} maskUnits="userSpaceOnUse" x={0} y={0} width={layout.width} height={height}>
        <rect x={0} y={0} width={layout.width} height={Math.max(0, seenTo)} fill="white" />
        <path className="dg-picture-hide" d={hidden} />
      </mask>
      <g mask={`url(#${maskId})`}>
        <PicturePaths segments={segments} layout={layout} y={y} grid={grid} />
      </g>
    </g>
  );
}

/** The paths themselves: built once per run and size, so a step re-renders none of them. */
const PicturePaths = memo(function PicturePaths({
  segments,
  layout,
  y,
  grid,
}: {
  segments: readonly SegmentInfo[];
  layout: Layout;
  y: Y;
  grid: number;
}) {
  const paths = usePicturePaths(segments, layout, y, grid);
  if (!paths) return null;
  return (
    <>
      {KINDS.map((kind) =>
        paths[kind] ? (
          <path
            key={kind}
            className={`dg-pic dg-pic--${kind.replace('-', ' dg-pic--')}`}
            d={paths[kind]}
          />
        ) : null,
      )}
    </>
  );
});
