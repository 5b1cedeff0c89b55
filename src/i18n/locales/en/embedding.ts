// The Embed dialog's words (a lazy namespace, see ../../core.ts). The button that opens it is in
// `ui.share`.

export const embedding = {
  title: 'Embed in a course page',
  intro:
    'Paste this HTML into a course page (Moodle, Canvas, any page that accepts an iframe). The script makes the frame as tall as the lab.',
  language: 'Language',
  followBrowser: 'Follow the browser',
  controls: 'Controls',
  controlsFull: 'Full page',
  controlsCompact: 'Compact: diagram and step controls',
  controlsSteps: 'Step controls only',
  autoplay: 'Play when loaded',
  startStep: 'Start at step (0–{total})',
  theme: 'Theme',
  width: 'Width (pixels, or a percentage such as 100%)',
  height: 'Height (pixels)',
  snippet: 'HTML to paste',
  preview: 'Preview',
  copy: 'Copy the HTML',
  copied: 'HTML copied',
  manualCopy: 'The clipboard is not available here: the HTML is selected, copy it by hand.',
  mode: 'What the student does',
  modeWatch: 'Watch the connection step by step',
  modePredict: 'Predict each segment before it is drawn (scored)',
  attempt:
    'One set of numbers for the whole class (attempt seed 1–999999; empty: each student gets new numbers)',
  exerciseSet:
    'Exercise set: lessons to do in a row, with one total score (none ticked: this lesson)',
  close: 'Close',
} as const;
