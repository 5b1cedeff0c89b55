// The header's Share, Embed, Export and Open a capture, and the capture panel under the header: the
// page's parts (a web component has none of them: its links and snippets would point at the course
// page, and it exports nothing).

import { CaptureOpener } from './capture/CaptureOpener';
export { default as CapturePanel } from './capture/CapturePanel';
import { ExportMenu } from './export/ExportMenu';
import { EmbedButton } from './share/EmbedButton';
import { ShareButton } from './share/ShareButton';
import { useLab } from '../ui/store/context';
import type { LabState } from '../ui/store/labStore';

// A connection from a capture file has no scenario a link could carry.
const selectFromCapture = (s: LabState) => s.capture !== null;

export default function HeaderActions() {
  const fromCapture = useLab(selectFromCapture);
  return (
    <>
      {!fromCapture && <ShareButton />}
      {!fromCapture && <EmbedButton />}
      <ExportMenu />
      <CaptureOpener />
    </>
  );
}
