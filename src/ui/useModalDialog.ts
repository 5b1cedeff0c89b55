// The widget's one modal pattern (the segment inspector, the Embed dialog): a native <dialog> opened
// with showModal(). The browser then makes everything behind it inert, keeps focus inside, draws
// its ::backdrop and turns Escape into a `cancel` event; the dialog's own focusing steps move focus
// in. What is left to the component is who decides it is closed: its owner. The dialog is shown
// exactly while its component is mounted, and every way of closing it (Escape, a press on the
// backdrop, a close button calling `onClose` itself) asks the owner to unmount it, after which focus
// goes back to what had it before: the segment or the button that opened it.

import { useEffect, useRef, type RefObject } from 'react';
import { activeElementNear } from './labHost';

/** Whether a press on the dialog element itself fell outside its box: on the ::backdrop. */
function onBackdrop(dialog: HTMLDialogElement, event: MouseEvent): boolean {
  if (event.target !== dialog) return false;
  const box = dialog.getBoundingClientRect();
  return (
    event.clientX < box.left ||
    event.clientX > box.right ||
    event.clientY < box.top ||
    event.clientY > box.bottom
  );
}

/**
 * Opens the <dialog> given the returned ref as a modal while the component is mounted. `onClose`
 * is called on Escape and on a press on the backdrop (not on one inside the dialog, its padding and
 * scroll bar included); the owner closes it by unmounting it.
 */
export function useModalDialog(onClose: () => void): RefObject<HTMLDialogElement | null> {
  const dialog = useRef<HTMLDialogElement>(null);
  const latestOnClose = useRef(onClose);
  useEffect(() => {
    latestOnClose.current = onClose;
  });

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    // A segment is an SVG element, not an HTML one: both can take focus back. In a shadow root the
    // document only knows the host: ask the dialog's own tree.
    const active = activeElementNear(element);
    const previous = active instanceof HTMLElement || active instanceof SVGElement ? active : null;
    const requestClose = () => latestOnClose.current();
    const onCancel = (event: Event) => {
      // The owner closes it (by unmounting it), not the browser.
      event.preventDefault();
      requestClose();
    };
    const onMouseDown = (event: MouseEvent) => {
      if (onBackdrop(element, event)) requestClose();
    };
    element.addEventListener('cancel', onCancel);
    // Closed some other way all the same (the browser may not let `cancel` be refused): tell the owner.
    element.addEventListener('close', requestClose);
    element.addEventListener('mousedown', onMouseDown);
    if (!element.open) element.showModal();
    return () => {
      element.removeEventListener('cancel', onCancel);
      element.removeEventListener('close', requestClose);
      element.removeEventListener('mousedown', onMouseDown);
      // Closed here: React runs this once the dialog has left the page, Preact before, and
      // StrictMode's trial unmount with the dialog kept, which must not stay modal meanwhile (its
      // inert page would refuse focus back, and showModal() would find it open).
      element.close();
      if (previous?.isConnected) previous.focus();
    };
  }, []);

  return dialog;
}
