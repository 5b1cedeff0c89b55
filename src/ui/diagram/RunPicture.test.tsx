// The whole-run view of a long run through the DOM: its arrows are one picture of a few paths, with
// only the arrows the step changes or leaves in flight drawn one by one, nothing shown below "now"
// or under those arrows; a short run's whole-run view keeps one clickable arrow per segment.
import { render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fateAt } from '../../lab/view';
import { diagramFixture, longRun, lostFinalAck, runFixture } from '../../testing/diagram';
import { Diagram } from './Diagram';
import { layoutFor, pointAt, segmentLine, TOP } from './geometry';
import { drawnAsPicture, RunPicture, runPicturePaths } from './RunPicture';

// 2,000 exchanges, every 50th data segment lost: 3,960 segments, fitted a pixel or two wide. And
// 25,300 exchanges: 50,094 segments, fitted under a pixel wide.
const long = runFixture(longRun(2_000));
const middle = Math.floor(long.stepper.stepsCount / 2);
const huge = runFixture(longRun(25_300));
const short = diagramFixture(lostFinalAck);

beforeEach(() => {
  // happy-dom lays nothing out: the width and the box's height a page would measure.
  vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(640);
  vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(900);
});
afterEach(() => {
  vi.restoreAllMocks();
});

const arrows = () => screen.queryAllByTestId('segment');
const strokes = (d: string | null) => (d ?? '').split('M').length - 1;

describe('the whole-run view of a long run', () => {
  it('is a picture of at most six paths, with only the step’s arrows drawn one by one', async () => {
    const { container } = render(<Diagram {...long.props(middle)} fit />);
    const active = long.stepper.segments.filter(
      (seg) =>
        seg.sentStep <= middle &&
        (fateAt(seg, middle) === 'in-flight' ||
          seg.sentStep === middle ||
          seg.deliveredStep === middle ||
          seg.droppedStep === middle),
    );
    expect(arrows().map((el) => Number(el.dataset.id))).toEqual(active.map((seg) => seg.id));
    expect(arrows().length).toBeLessThan(100);
    const picture = screen.getByTestId('diagram-picture');
    // A run this long has its picture built while the page is idle, and shown when done.
    const paths = await waitFor(
      () => {
        const drawn = picture.querySelectorAll('path.dg-pic');
        expect(drawn.length).toBeGreaterThan(0);
        return drawn;
      },
      { timeout: 10_000 },
    );
    expect(paths.length).toBeLessThanOrEqual(6);
    // The whole drawing, picture and all, is a few hundred elements, not one per segment.
    expect(container.querySelectorAll('.dg *').length).toBeLessThan(400);
  });

  it('draws a few arrows and no picture where 50,000 segments fit under a pixel wide', () => {
    expect(huge.stepper.segments.length).toBeGreaterThan(50_000);
    const step = Math.floor(huge.stepper.stepsCount / 2);
    const { container } = render(<Diagram {...huge.props(step)} fit />);
    expect(arrows().length).toBeGreaterThan(0);
    expect(arrows().length).toBeLessThan(100);
    expect(screen.queryByTestId('diagram-picture')).toBeNull();
    expect(container.querySelectorAll('.dg *').length).toBeLessThan(400);
  });

  it('hides what the step has not reached, and the picture under the arrows drawn for real', () => {
    const { rerender } = render(<Diagram {...long.props(0)} fit />);
    const seen = () => Number(document.querySelector('mask rect')?.getAttribute('height'));
    expect(seen()).toBe(0);
    rerender(<Diagram {...long.props(middle)} fit />);
    expect(seen()).toBeCloseTo(TOP + long.axis.y(long.stepper.viewAt(middle).t), 5);
    const hidden = document.querySelector('.dg-picture-hide')?.getAttribute('d') ?? '';
    expect(strokes(hidden)).toBe(arrows().length);
    // A step moves the mask; the arrows stay few.
    rerender(<Diagram {...long.props(middle + 1)} fit />);
    expect(seen()).toBeCloseTo(TOP + long.axis.y(long.stepper.viewAt(middle + 1).t), 5);
    expect(arrows().length).toBeLessThan(100);
  });
});

describe('the whole-run view of a short run', () => {
  it('keeps one clickable arrow per segment sent, and no picture', () => {
    const last = short.stepper.stepsCount;
    expect(drawnAsPicture(short.stepper.segments.length)).toBe(false);
    render(<Diagram {...short.props(last)} fit />);
    expect(arrows()).toHaveLength(short.stepper.viewAt(last).fates.size);
    expect(screen.getAllByRole('button', { name: /Click to inspect this segment$/ })).toHaveLength(
      short.stepper.viewAt(last).fates.size,
    );
    expect(screen.queryByTestId('diagram-picture')).toBeNull();
  });
});

describe('runPicturePaths', () => {
  const layout = layoutFor(640);
  const y = (t: number, offset?: number) => TOP + short.axis.y(t, offset);
  const segments = short.stepper.segments;

  it('draws each arrow as it ends, in its side’s and fate’s path', () => {
    const paths = runPicturePaths(segments, layout, y, 0.5);
    const dropped = segments.find((seg) => seg.droppedAt !== null && seg.deliveredAt === null)!;
    const line = segmentLine(dropped, layout, y);
    const half = pointAt(line, 0.5);
    const at = (v: number) => Math.round(Math.round(v / 0.5) * 0.5 * 100) / 100;
    expect(paths[`${dropped.from}-dropped`]).toContain(
      `M${at(line.x1)} ${at(line.y1)}L${at(half.x)} ${at(half.y)}`,
    );
    const delivered = segments.filter((seg) => seg.deliveredAt !== null);
    const shown = strokes(paths['client-delivered']) + strokes(paths['server-delivered']);
    expect(shown).toBe(delivered.length);
    expect(paths['client-in-flight'] + paths['server-in-flight']).toBe('');
  });

  it('is one stroke per pixel drawn small', () => {
    const paths = runPicturePaths(segments, layout, y, 1e6);
    expect(strokes(paths['client-delivered'])).toBe(1);
  });
});

describe('RunPicture', () => {
  it('draws nothing under a pixel wide', () => {
    const layout = layoutFor(640);
    const y = (t: number) => TOP + short.axis.y(t);
    const { container, rerender } = render(
      <svg>
        <RunPicture
          segments={short.stepper.segments}
          layout={layout}
          y={y}
          height={1000}
          pxPerUnit={0.5 / layout.width}
          seenTo={500}
          arrows={[]}
        />
      </svg>,
    );
    expect(container.querySelector('path')).toBeNull();
    rerender(
      <svg>
        <RunPicture
          segments={short.stepper.segments}
          layout={layout}
          y={y}
          height={1000}
          pxPerUnit={0.5}
          seenTo={500}
          arrows={[]}
        />
      </svg>,
    );
    expect(container.querySelectorAll('path.dg-pic').length).toBeGreaterThan(0);
  });
});
