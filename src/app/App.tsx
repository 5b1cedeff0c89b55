// The page: one lab widget configured from the URL query (CONTRACT.md section 4), with every
// optional part. Started by ./start.ts in the browser; rendered to HTML at build time by
// ./prerender.tsx.

import { useEffect } from 'react';
import { Lab } from '../ui/Lab';
import type { LabRunner, LabStore } from '../ui/store/labStore';
import { pageComponents } from './chunks';

interface AppProps {
  store: LabStore;
  createRunner: () => LabRunner;
  /** Called once the lab is mounted (its keyboard handling with it). */
  onMounted?: () => void;
}

export function App({ store, createRunner: runnerOf, onMounted }: AppProps) {
  useEffect(() => onMounted?.(), [onMounted]);
  return <Lab store={store} createRunner={runnerOf} components={pageComponents} />;
}
