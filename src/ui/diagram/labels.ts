// The diagram's words. The shell passes translated ones (from the i18n catalogue); English is the
// default so the diagram renders on its own (tests, harnesses). Texts may hold {name} placeholders,
// filled with i18n's `interpolate`.
import type { SegmentFate } from '../../lab/types';
import type { SocketOwner, TimerName } from '../../engine/types';
import { formatDuration } from '../../i18n';

export interface DiagramLabels {
  /** Each side's name, and the server's listening socket's (`Listener`). */
  sides: Record<SocketOwner, string>;
  /** The SVG's accessible name: {count} {client} {server}. */
  summary: string;
  timeAxis: string;
  /** The scale's legend at the foot of the gutter: to scale ({unit}), or not. */
  scaleLinear: string;
  scaleWarped: string;
  /** The accessible name of the group of segment buttons. */
  segmentsGroup: string;
  /** On a compressed break: {duration}. */
  compressedBreak: string;
  compressedBreakLabel: string;
  /** Above each side's big state: {side}. */
  currentState: string;
  /** The listener's state under the server's, for screen readers: {state}. */
  listenerState: string;
  /** The listener's line: {from} (the time listen() returned). */
  listenerLine: string;
  /** Where the listener made a connection's socket: the mark's words, and its {time}. */
  newSocket: string;
  newSocketAria: string;
  /** An application call on a lifeline: {owner} {call} {result} {time}. */
  appCallAria: string;
  appOwners: Record<SocketOwner, string>;
  clickToDrop: string;
  clickToInspect: string;
  fates: Record<SegmentFate, string>;
  retransmission: string;
  duplicate: string;
  /** A segment held back by a delay fault: {duration}. */
  delayed: string;
  /** A segment of an earlier connection (SegmentInfo.old). */
  oldDuplicate: string;
  injected: string;
  dropped: string;
  timers: Record<TimerName, string>;
  /** {time} */
  due: string;
  /** {side} {state} {time} */
  stateAria: string;
  /** {id} {from} {to} {flags} {seq} {ack} {len} {fate} */
  segmentAria: string;
  /** Visible label pieces: {seq} {ack} {len}. */
  seq: string;
  ack: string;
  len: string;
  /** Times and durations in the labels' language: i18n's formatDuration. */
  duration: (ms: number) => string;
}

export const DEFAULT_DIAGRAM_LABELS: DiagramLabels = {
  sides: { client: 'Client', server: 'Server', listener: 'Listener' },
  summary: 'Sequence diagram: {count} segments, client {client}, server {server}',
  timeAxis: 'time ↓',
  scaleLinear: 'to scale: 1 mark = {unit}',
  scaleWarped: 'not to scale',
  segmentsGroup: 'Segments (click one to inspect it, or to drop it while in flight)',
  compressedBreak: '≈ {duration}',
  compressedBreakLabel: 'Time axis compressed: about {duration} pass here with nothing sent.',
  currentState: '{side} state',
  listenerState: 'The server’s listening socket: {state}',
  listenerLine: 'The server’s listening socket, in LISTEN from {from}',
  newSocket: 'new socket',
  newSocketAria:
    'At {time} the listener makes a new socket for a connection; the listener stays in LISTEN',
  appCallAria: '{owner}: {call}() returns {result} at {time}',
  appOwners: {
    client: 'Client application',
    server: 'Server application',
    listener: 'Server application, listening socket',
  },
  clickToDrop: 'Click to drop this segment',
  clickToInspect: 'Click to inspect this segment',
  fates: { 'in-flight': 'in flight', delivered: 'delivered', dropped: 'dropped' },
  retransmission: 'retransmission',
  duplicate: 'duplicate',
  delayed: 'delayed by {duration}',
  oldDuplicate: 'old duplicate',
  injected: 'injected',
  dropped: 'lost',
  timers: {
    retransmit: 'Retransmission',
    'time-wait': 'TIME_WAIT (2·MSL)',
    'fin-wait-2': 'FIN_WAIT_2',
    'delayed-ack': 'Delayed ACK',
    'loss-probe': 'Loss probe',
  },
  due: 'due {time}',
  stateAria: '{side} enters {state} at {time}',
  segmentAria: 'Segment {id}, {from} to {to}: {flags}, seq {seq}, ack {ack}, {len} bytes, {fate}',
  seq: 'seq={seq}',
  ack: 'ack={ack}',
  len: 'len={len}',
  duration: (ms) => formatDuration(ms, 'en'),
};
