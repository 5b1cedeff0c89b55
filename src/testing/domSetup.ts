// Setup of the component tests (the `.test.tsx` files, on happy-dom: vite.config.ts): what a test
// rendered is unmounted after it, so that the next one starts from an empty document.
import { cleanup } from '@testing-library/react';
import { afterEach } from 'vitest';

afterEach(() => {
  cleanup();
});
