// Turns a stream of trace events into the contract's JSON (section 2), one event per line, handed to
// `write` in chunks of about `chunkSize` characters so a long run never holds its whole trace.

import type { FinalStates, TraceEvent } from '../engine/types';

export const CHUNK_SIZE = 64 * 1024;

export class TraceWriter {
  private chunk = '';
  private started = false;

  constructor(
    private readonly write: (text: string) => void,
    private readonly chunkSize = CHUNK_SIZE,
  ) {}

  event(event: TraceEvent): void {
    // The opening is written with the first event so that a run that fails at once prints nothing.
    this.chunk += (this.started ? ',\n' : '{"events":[\n') + JSON.stringify(event);
    this.started = true;
    if (this.chunk.length >= this.chunkSize) this.flush();
  }

  end(final: FinalStates): void {
    if (!this.started) this.chunk += '{"events":[';
    this.started = true;
    // Name the keys so the line reads client, server, then listener whatever order the engine built
    // them in.
    const { client, server, listener } = final;
    this.chunk += `\n],"final":${JSON.stringify({ client, server, listener })}}\n`;
    this.flush();
  }

  /**
   * Writes out the events so far and stops: a run cut short has no `final`, so what is printed is
   * the start of a trace, one event per line, and not a whole JSON document.
   */
  cut(): void {
    if (this.started) this.chunk += '\n';
    this.flush();
  }

  private flush(): void {
    if (this.chunk === '') return;
    const text = this.chunk;
    this.chunk = '';
    this.write(text);
  }
}
