// Test-only: a worker without the thread. A MessageChannel whose far end serves a service in this
// process, so calls go through the same client and host as the page's, their messages cloned (and
// transferred) on the way as between a page and its worker, each answered on a later tick.

import { MessageChannel } from 'node:worker_threads';
import { serve, type Service, type ServiceScope, type WorkerLike } from '../worker/rpc';

/** Node's ports keep the process alive while they listen; a test's worker must not. */
function unref(port: MessagePort): MessagePort {
  (port as unknown as { unref(): void }).unref();
  return port;
}

export class InProcessWorker implements WorkerLike {
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly port: MessagePort;
  /** The worker's side: its global scope, as `serve` sees it. */
  readonly scope: ServiceScope;

  constructor(service: Service) {
    const channel = new MessageChannel() as unknown as { port1: MessagePort; port2: MessagePort };
    this.port = channel.port1;
    this.scope = channel.port2;
    serve(service, this.scope);
    unref(channel.port2);
  }

  get onmessage(): WorkerLike['onmessage'] {
    return this.port.onmessage;
  }
  set onmessage(handler: WorkerLike['onmessage']) {
    this.port.onmessage = handler;
    unref(this.port);
  }
  get onmessageerror(): WorkerLike['onmessageerror'] {
    return this.port.onmessageerror;
  }
  set onmessageerror(handler: WorkerLike['onmessageerror']) {
    this.port.onmessageerror = handler;
    unref(this.port);
  }

  postMessage(message: unknown, transfer: Transferable[]): void {
    this.port.postMessage(message, transfer);
  }

  terminate(): void {
    this.terminated = true;
    this.port.close();
    (this.scope as MessagePort).close();
  }
}
