// The one modal pattern, through the DOM: a native <dialog> shown with showModal() while mounted,
// Escape (the browser's `cancel`) and a press on the backdrop asking the owner to close it, and
// focus going back to what opened it, also inside a shadow root. (happy-dom has no layout and
// leaves Escape to src/testing/dom.ts; whether the browser traps focus is the Playwright specs'.)
import { act, fireEvent, render, screen } from '@testing-library/react';
import { StrictMode, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi, type MockInstance } from 'vitest';
import { pressEscape } from '../testing/dom';
import { useModalDialog } from './useModalDialog';

function Modal({ onClose }: { onClose: () => void }) {
  const dialog = useModalDialog(onClose);
  return (
    <dialog ref={dialog} aria-labelledby="modal-title">
      <h2 id="modal-title">Settings</h2>
      <p>Body text</p>
      <button type="button" onClick={onClose}>
        Done
      </button>
    </dialog>
  );
}

/** A page with an opener (an HTML button or an SVG group, as a segment is) and its modal. */
function Page({ opener }: { opener: 'button' | 'svg' }) {
  const [open, setOpen] = useState(false);
  const openIt = () => setOpen(true);
  return (
    <>
      {opener === 'button' ? (
        <button type="button" onClick={openIt}>
          Open
        </button>
      ) : (
        <svg>
          <g role="button" tabIndex={0} aria-label="Open" onClick={openIt}>
            <text>Open</text>
          </g>
        </svg>
      )}
      {open && <Modal onClose={() => setOpen(false)} />}
    </>
  );
}

/** Opens the page's modal from its focused opener, focus then moving in as a browser moves it. */
function openFrom(opener: HTMLElement | SVGElement): HTMLDialogElement {
  opener.focus();
  fireEvent.click(opener);
  const dialog = screen.getByRole<HTMLDialogElement>('dialog', { name: 'Settings' });
  screen.getByRole('button', { name: 'Done' }).focus();
  return dialog;
}

let showModal: MockInstance<HTMLDialogElement['showModal']>;
beforeEach(() => {
  showModal = vi.spyOn(HTMLDialogElement.prototype, 'showModal');
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('useModalDialog', () => {
  it('shows the dialog as a modal while mounted, and closes it on unmount without asking', () => {
    const onClose = vi.fn();
    const { unmount } = render(<Modal onClose={onClose} />);
    const dialog = screen.getByRole<HTMLDialogElement>('dialog', { name: 'Settings' });
    expect(showModal).toHaveBeenCalledOnce();
    expect(showModal.mock.contexts[0]).toBe(dialog);
    expect(dialog.open).toBe(true);
    unmount();
    expect(dialog.open).toBe(false);
    expect(onClose).not.toHaveBeenCalled();
  });

  it('asks the owner to close on Escape, and leaves closing it to the owner', () => {
    const onClose = vi.fn();
    render(<Modal onClose={onClose} />);
    const dialog = screen.getByRole<HTMLDialogElement>('dialog');
    pressEscape(screen.getByRole('button', { name: 'Done' }));
    expect(onClose).toHaveBeenCalledOnce();
    // The browser's `cancel` was refused: the dialog stays until the owner unmounts it.
    expect(dialog.open).toBe(true);
  });

  it('tells the owner when the dialog was closed some other way', () => {
    const onClose = vi.fn();
    render(<Modal onClose={onClose} />);
    act(() => screen.getByRole<HTMLDialogElement>('dialog').close());
    expect(onClose).toHaveBeenCalledOnce();
  });

  it('asks the owner to close on a press on the backdrop, not on one inside the dialog', () => {
    const onClose = vi.fn();
    render(<Modal onClose={onClose} />);
    const dialog = screen.getByRole<HTMLDialogElement>('dialog');
    // happy-dom lays nothing out: the dialog's box on the page, as a browser would give it.
    vi.spyOn(dialog, 'getBoundingClientRect').mockReturnValue(new DOMRect(100, 100, 400, 300));
    // Its content, and the dialog element itself inside its box (padding, scroll bar): no.
    fireEvent.mouseDown(screen.getByText('Body text'), { clientX: 150, clientY: 150 });
    fireEvent.mouseDown(dialog, { clientX: 495, clientY: 150 });
    expect(onClose).not.toHaveBeenCalled();
    // The ::backdrop (events on it are the dialog's, at a point outside its box): yes.
    fireEvent.mouseDown(dialog, { clientX: 50, clientY: 150 });
    expect(onClose).toHaveBeenCalledOnce();
    fireEvent.mouseDown(dialog, { clientX: 200, clientY: 450 });
    expect(onClose).toHaveBeenCalledTimes(2);
  });

  it('calls the onClose of the latest render', () => {
    const first = vi.fn();
    const latest = vi.fn();
    const { rerender } = render(<Modal onClose={first} />);
    rerender(<Modal onClose={latest} />);
    pressEscape(screen.getByRole('dialog'));
    expect(first).not.toHaveBeenCalled();
    expect(latest).toHaveBeenCalledOnce();
  });

  it('gives focus back to the HTML or SVG element that opened it', () => {
    for (const kind of ['button', 'svg'] as const) {
      const { unmount } = render(<Page opener={kind} />);
      const opener = screen.getByRole('button', { name: 'Open' });
      pressEscape(openFrom(opener));
      expect(screen.queryByRole('dialog')).toBeNull();
      expect(document.activeElement, kind).toBe(opener);
      unmount();
    }
  });

  it('gives focus back inside a shadow root, where the document sees only the host', () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    root.append(container);
    try {
      const { unmount } = render(<Page opener="svg" />, { container });
      const opener = container.querySelector<SVGElement>('[aria-label="Open"]')!;
      opener.focus();
      fireEvent.click(opener);
      const dialog = container.querySelector('dialog')!;
      expect(dialog.open).toBe(true);
      container.querySelector('button')!.focus();
      expect(root.activeElement?.textContent).toBe('Done');
      pressEscape(dialog);
      expect(container.querySelector('dialog')).toBeNull();
      expect(root.activeElement).toBe(opener);
      unmount();
    } finally {
      host.remove();
    }
  });

  it("survives StrictMode's trial unmount: still open, nobody asked to close it", () => {
    const onClose = vi.fn();
    render(
      <StrictMode>
        <Modal onClose={onClose} />
      </StrictMode>,
    );
    const dialog = screen.getByRole<HTMLDialogElement>('dialog');
    expect(dialog.open).toBe(true);
    // Closed by the trial unmount, shown again by the second mount.
    expect(showModal).toHaveBeenCalledTimes(2);
    expect(onClose).not.toHaveBeenCalled();
    pressEscape(dialog);
    expect(onClose).toHaveBeenCalledOnce();
  });
});
