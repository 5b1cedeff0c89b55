import { useEffect, useState } from 'react';
import type { Trace } from '../core/types';
import { createEngineClient } from '../worker/client';

export type TraceRun =
  | { status: 'running'; received: number }
  | { status: 'done'; trace: Trace }
  | { status: 'error'; message: string };

/**
 * Runs `scenario` (raw input) in an engine worker. Pass a stable value: a new one starts a new run.
 * The worker lives as long as the component, so an unmounted page leaves no run going.
 */
export function useTrace(scenario: unknown): TraceRun {
  const [run, setRun] = useState<TraceRun>({ status: 'running', received: 0 });
  useEffect(() => {
    const client = createEngineClient();
    let live = true; // a disposed client rejects its run: that is not an error to show
    let received = 0;
    client
      .run(scenario, (batch) => {
        received += batch.length;
        if (live) setRun({ status: 'running', received });
      })
      .then(
        (trace) => live && setRun({ status: 'done', trace }),
        (error: unknown) =>
          live &&
          setRun({
            status: 'error',
            message: error instanceof Error ? error.message : String(error),
          }),
      );
    return () => {
      live = false;
      client.dispose();
    };
  }, [scenario]);
  return run;
}
