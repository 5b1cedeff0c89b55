// The English dictionary, bundled with the page: the source of truth for every other locale's
// shape (see ../../types.ts) and the fallback for any key a locale lacks at run time.
import { answers } from './answers';
import { explain } from './explain';
import { lessons } from './lessons';
import { ui } from './ui';

export const en = { ui, answers, explain, lessons } as const;
