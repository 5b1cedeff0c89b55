// The capture worker: reads capture files off the page's thread (the logic is in captureHost.ts).
// A worker of its own, started when the first file is opened: the engine worker, which every page
// starts before its first diagram, carries none of the capture reader's code.

import { captureReader } from './captureHost';
import type { CaptureResponse } from './captureProtocol';

// As in engine.worker.ts: the program is type-checked with the DOM lib, where `self` is a Window.
interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: CaptureResponse): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  captureReader.handle(event.data, (message) => scope.postMessage(message));
};
