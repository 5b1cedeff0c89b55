// Dropping a file anywhere on the page opens it: while files are dragged over the page an overlay
// says so; a drop that holds no file is left to the browser.

import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useT } from '../../i18n';

function carriesFiles(event: DragEvent): boolean {
  return event.dataTransfer?.types.includes('Files') ?? false;
}

export function CaptureDrop({ onFile }: { onFile: (file: File) => void }) {
  const t = useT();
  const [dragging, setDragging] = useState(false);
  const open = useRef(onFile);
  useEffect(() => {
    open.current = onFile;
  });

  useEffect(() => {
    // dragenter and dragleave come in pairs for every element crossed: count them to know when the
    // pointer has left the page.
    let depth = 0;
    const onEnter = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      event.preventDefault();
      depth++;
      setDragging(true);
    };
    const onOver = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      // Without this the browser opens the file itself on drop.
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = 'copy';
    };
    const onLeave = (event: DragEvent) => {
      if (!carriesFiles(event)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const onDrop = (event: DragEvent) => {
      depth = 0;
      setDragging(false);
      const file = event.dataTransfer?.files[0];
      if (!file) return;
      event.preventDefault();
      open.current(file);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
    };
  }, []);

  if (!dragging) return null;
  // On <body>: the header's stacking and overflow must not clip an overlay over the whole page.
  return createPortal(
    <div className="capture-drop" data-testid="capture-drop" aria-hidden="true">
      <p>{t('capturing.drop')}</p>
    </div>,
    document.body,
  );
}
