// A connection whose times are no dates but exact (its packets timed from the first) can lie
// anywhere in 2^53 s: its run is drawn at every step, on both axes, without a throw. (To scale,
// the gutter's marks once counted k++ past 2^53 and filled the memory.)
import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { findConnections } from '../../capture/connections';
import { captureRun } from '../../capture/infer';
import { parseCapture } from '../../capture/parse';
import { I18nProvider } from '../../i18n';
import type { Run } from '../../lab/types';
import { Diagram } from '../../ui/diagram/Diagram';
import { runFixture } from '../../testing/diagram';
import { kernelCapturePath } from '../../testing/kernelCaptures';
import { connectionsOnInterfaces, pcapFrames } from '../../testing/pcapng';
import { readFileSync } from 'node:fs';

const kernel = pcapFrames(readFileSync(kernelCapturePath('normal-client-close')));
/** The handshake, a request and its acknowledgement, one far time each. */
const capture = { ...kernel, frames: kernel.frames.slice(0, 6) };

describe('a capture whose packets lie up to 2^52 s apart', () => {
  it('draws every step on both axes', () => {
    const far = [0n, 1n, 1n << 40n, (1n << 52n) - 5n, (1n << 52n) + 7n, (1n << 53n) - 1n];
    const bytes = connectionsOnInterfaces(capture, 40000, [
      { clientPort: 40000, resolution: 0, stamp: (_f, i) => far[i]! },
    ]);
    const file = parseCapture(bytes);
    const [connection] = findConnections(file);
    expect(connection?.times).toBe('relative');
    const { run } = captureRun(file, connection!);
    const { stepper, props } = runFixture(run as Run);
    // React says so on the console where an attribute gets NaN or Infinity.
    const complaints = vi.spyOn(console, 'error');
    for (const timeScale of ['warped', 'linear'] as const) {
      for (let step = 0; step <= stepper.steps.length; step++) {
        const { container, unmount } = render(
          <I18nProvider initialLocale="en">
            <Diagram {...props(step)} timeScale={timeScale} reducedMotion />
          </I18nProvider>,
        );
        expect(container.innerHTML, `step ${step}, ${timeScale}`).not.toMatch(/NaN|Infinity/);
        unmount();
      }
    }
    expect(complaints).not.toHaveBeenCalled();
    complaints.mockRestore();
    // Some thirty diagrams rendered: seconds on a busy machine.
  }, 60_000);
});
