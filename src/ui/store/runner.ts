// The store's engine: one worker per widget, running a lesson with the lab's options there (the
// probe run that dropping the final ACK needs included), so the engine never runs on the page.

import { createEngineClient } from '../../worker/client';
import type { LabRunner } from './labStore';

export function createLabRunner(): LabRunner {
  const client = createEngineClient();
  return {
    run: (lesson, options) => client.lab(lesson, options),
    dispose: () => client.dispose(),
  };
}
