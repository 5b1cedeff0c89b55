// The header's Share, Embed and Export: one chunk, shown once the first diagram is painted (none of
// them is needed to draw it). A web component leaves the whole chunk out (vite.lib.config.ts):
// links and snippets would point at the course page, and it has no Export button.

import { ExportMenu } from './export/ExportMenu';
import { EmbedButton } from './share/EmbedButton';
import { ShareButton } from './share/ShareButton';

export default function HeaderActions() {
  return (
    <>
      <ShareButton />
      <EmbedButton />
      <ExportMenu />
    </>
  );
}
