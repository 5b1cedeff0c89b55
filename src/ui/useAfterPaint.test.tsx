import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterPaint, usePaintedOnce } from './useAfterPaint';

/** Lets the browser "paint": the animation frame, then the task it queued. */
const nextPaint = () =>
  act(
    () =>
      new Promise<void>((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
      }),
  );

function Shown({ value }: { value: number }) {
  return <output data-testid="shown">{useAfterPaint(value)}</output>;
}

function Once({ shown }: { shown: boolean }) {
  return <output data-testid="once">{String(usePaintedOnce(shown))}</output>;
}

describe('useAfterPaint', () => {
  it('keeps the old value until a frame has been painted after the change', async () => {
    const view = render(<Shown value={1} />);
    expect(screen.getByTestId('shown').textContent).toBe('1');
    view.rerender(<Shown value={2} />);
    expect(screen.getByTestId('shown').textContent).toBe('1');
    await nextPaint();
    await nextPaint();
    expect(screen.getByTestId('shown').textContent).toBe('2');
  });

  it('usePaintedOnce turns true a frame after its condition, and stays true', async () => {
    const view = render(<Once shown={true} />);
    expect(screen.getByTestId('once').textContent).toBe('false');
    await nextPaint();
    await nextPaint();
    expect(screen.getByTestId('once').textContent).toBe('true');
    view.rerender(<Once shown={false} />);
    await nextPaint();
    expect(screen.getByTestId('once').textContent).toBe('true');
  });
});
