// What ./motion.ts loads after the first diagram: only the part of framer-motion the arrows use,
// so the chunk holds that and not the whole library.
export { animateValue } from 'framer-motion';
