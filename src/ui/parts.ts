// The lab's optional parts, passed in by whoever composes it (tldraw's `components` prop is the
// model): the page hands in its lazily loaded panels and features, a <handshake-lab> element only
// the parts a course-page widget shows. A part left out (undefined or null) is not shown, so the ui
// never imports a feature, and a build that leaves one out carries none of its code.

import { createContext, useContext, type ComponentType } from 'react';
import type { Locale } from '../i18n';

export interface LabComponents {
  /** The knobs (loss, behaviour, MSL, port reuse…), beside the diagram with the controls. */
  SettingsPanel?: ComponentType | null;
  /** The segment inspector, for the segment clicked. */
  InspectorSection?: ComponentType | null;
  /** RFC 9293's state diagram, lit by the shown step. */
  StateMachineSection?: ComponentType | null;
  /** A built-in lesson's frame: what it shows, the moment to watch (a link to its step), the
   * takeaway. In the compact layout too: it is the lesson's own words, not a control. */
  LessonFrame?: ComponentType | null;
  /** The answer cards under the lab; "show me" switches to the lesson with the answer. */
  AnswerSection?: ComponentType<{ onShowMe: (lessonId: string) => void }> | null;
  /** The header's buttons beyond the lesson, language and theme (share, embed, export, capture). */
  HeaderActions?: ComponentType | null;
  /** What sits under the header for an open capture file. */
  CapturePanel?: ComponentType | null;
  /** The compact layout's additions (`embed=1`): the link to the full page, the wheel's release. */
  EmbedChrome?: ComponentType | null;
  /** The messages with a course page around the lab, for a page inside a frame. */
  CourseMessages?: ComponentType | null;
  /** Predict mode's questions, results and summary, beside the diagram while the mode is on. */
  PredictPanel?: ComponentType | null;
  /** What reports predict mode's score to an LMS (a page opened with `scorm=`). */
  ScormBridge?: ComponentType | null;
  /**
   * Fetches the parts shown once the first diagram is painted (the settings, the lesson's frame,
   * the state diagram, the answer cards, the header's actions) with their words in `locale`, and
   * gives them ready to render: they appear together, instead of each pushing down the ones
   * before it as it arrives.
   */
  loadLate?: (locale: Locale) => Promise<LabComponents>;
}

const LabComponentsContext = createContext<LabComponents>({});

export const LabComponentsProvider = LabComponentsContext.Provider;

/** The parts this lab was given (an empty set outside a lab). */
export function useLabComponents(): LabComponents {
  return useContext(LabComponentsContext);
}
