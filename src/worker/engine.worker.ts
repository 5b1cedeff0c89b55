// The engine worker: runs scenarios off the page's thread. All the logic is in host.ts.

import { streamScenario } from '../engine/engine';
import { parseScenario } from '../engine/validate';
import { handleRequest } from './host';
import type { WorkerResponse } from './protocol';

// The project type-checks as one program with the DOM lib (DOM and WebWorker libs clash), where
// `self` is a Window. So the worker names the two members of its global scope that it uses.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: WorkerResponse): void;
}

const scope = self as unknown as WorkerScope;
const engine = { parseScenario, streamScenario };

scope.onmessage = (event) => {
  handleRequest(event.data, engine, (message) => scope.postMessage(message));
};
