// What the compact layout (`embed=1`) adds once its first diagram is painted: the link to the full
// page, and the rule that the course page keeps its scroll wheel until the widget is touched.

import { OpenFullLink } from './OpenFullLink';
import { useEmbedEngagement } from './useEmbedEngagement';

export default function EmbedChrome() {
  useEmbedEngagement(true);
  return <OpenFullLink />;
}
