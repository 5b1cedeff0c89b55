// The English dictionary, whole: the source of truth for every other locale's shape (see
// ../../types.ts) and the fallback for any key a locale lacks at run time. The page bundles only
// `ui` and `lessons` (../../core.ts) and loads the others when needed; this whole object is for
// types, tests and tools.
import { answers } from './answers';
import { capturing } from './capturing';
import { embedding } from './embedding';
import { explain } from './explain';
import { exporting } from './exporting';
import { inspector } from './inspector';
import { lessonFrames } from './lessonFrames';
import { lessons } from './lessons';
import { predicting } from './predicting';
import { stateMachine } from './stateMachine';
import { ui } from './ui';

export const en = {
  ui,
  answers,
  explain,
  inspector,
  stateMachine,
  exporting,
  embedding,
  capturing,
  predicting,
  lessons,
  lessonFrames,
} as const;
