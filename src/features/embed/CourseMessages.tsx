// Mounted by a lab that is the whole page, when that page is inside a frame: the
// messages with the course page around it. Renders nothing.

import { useLabStoreApi } from '../../ui/store/context';
import { parseUrlOptions } from '../../lab/urlOptions';
import { useCourseMessages } from './useCourseMessages';

// Read once, like the rest of the query: the page does not change it without a reload.
const allowedOrigins: readonly string[] = parseUrlOptions(window.location.search).origins;

export default function CourseMessages() {
  useCourseMessages(useLabStoreApi(), allowedOrigins);
  return null;
}
