// framer-motion's animateValue as the flights' animation (./motion.ts): only the part of the
// library the arrows use.
import { animateValue as framerAnimateValue } from 'framer-motion';
import type { AnimateOptions, Flight } from './motion';

export function animateValue(options: AnimateOptions): Flight {
  return framerAnimateValue(options);
}
