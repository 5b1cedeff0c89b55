import react from '@vitejs/plugin-react';
// vitest/config's defineConfig is Vite's, widened with the `test` key.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  // Relative asset URLs, so the built site works from any sub-path of any static host.
  base: './',
  // ES module workers: the engine worker imports the engine like any other module.
  worker: { format: 'es' },
  preview: { port: 4173, strictPort: true },
  test: {
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
