// What a browser does with a native <dialog> that happy-dom, the component tests' DOM, does not:
// there showModal() only sets `open`, focus stays where it was, and Escape is a key like any other.

import { act, fireEvent } from '@testing-library/react';

/**
 * Escape pressed on `target`, as a browser handles it in a modal dialog: the keydown; then, unless
 * that was cancelled, a cancelable `cancel` event on the dialog; then, unless that was cancelled
 * too, the dialog closes (and fires `close`).
 */
export function pressEscape(target: Element): void {
  if (!fireEvent.keyDown(target, { key: 'Escape', code: 'Escape' })) return;
  const dialog = target.closest('dialog');
  if (!dialog?.open) return;
  if (!fireEvent(dialog, new Event('cancel', { cancelable: true }))) return;
  act(() => dialog.close());
}
