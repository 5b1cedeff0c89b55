// The fault that drops a segment the student clicked (the worker's final-ACK drop uses it too).
import type { Fault, SendEvent } from '../engine/types';
import type { Run } from './types';

/** Flags as a fault matches them: PSH ignored, in the engine's order (any order would do). */
export function faultFlagsOf(event: SendEvent): string {
  return event.flags.filter((f) => f !== 'PSH').join(',');
}

/**
 * A fault that drops exactly segment `id` when added to the scenario of `run`: it counts the
 * sender's segments with the same flags sent from that segment's time on, so nothing sent earlier
 * can match it and every event before the segment is sent stays the same. Throws for an id the
 * run did not send, and for an injected segment (injections bypass the network, faults too).
 */
export function faultForSegment(run: Run, id: number): Fault {
  let target: SendEvent | undefined;
  let index = -1;
  run.events.forEach((event, i) => {
    if (target === undefined && event.type === 'send' && event.id === id) {
      target = event;
      index = i;
    }
  });
  if (target === undefined) throw new Error(`segment ${id} was not sent in this run`);
  if (target.injected === true) throw new Error(`segment ${id} is injected: faults cannot drop it`);
  const { who, t } = target;
  const flags = faultFlagsOf(target);
  let nth = 1;
  // Same-time events sit together, so scan back from the segment while the time is the same.
  for (let i = index - 1; i >= 0; i--) {
    const event = run.events[i];
    if (event === undefined || event.t !== t) break;
    if (event.type === 'send' && event.who === who && event.injected !== true) {
      if (faultFlagsOf(event) === flags) nth++;
    }
  }
  return { who, flags, nth, after: t, fate: 'drop' };
}
