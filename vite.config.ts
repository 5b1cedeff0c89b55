import react from '@vitejs/plugin-react';
// vitest/config's defineConfig is Vite's, widened with the `test` key.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the built site works from any sub-path of any static host.
  base: './',
  // ES module workers: the engine worker imports the engine like any other module.
  worker: { format: 'es' },
  // No modulepreload polyfill: every browser the page supports (ES module workers) has it natively,
  // and it would be part of the JavaScript loaded before the first diagram.
  build: { modulePreload: { polyfill: false } },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
