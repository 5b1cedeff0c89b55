// What a capture cannot show about a connection, said once per run: the page words each note by
// its code (with its params) and shows it beside the diagram.
import type { FinalStates, TcpState } from '../engine/types';
import type { Implied } from './observer';
import type { ObservedSegment } from './segmentIndex';
import type { CaptureConnection, CaptureFile } from './types';

export type CaptureNoteCode =
  | 'started-before-capture'
  | 'capture-cut'
  | 'snap-truncated'
  | 'retransmission'
  | 'more-retransmissions'
  | 'no-answer'
  | 'not-captured'
  | 'time-not-a-date'
  | 'time-unusable';

/** Something the capture cannot show: a code the page words, its numbers, and an English sentence. */
export interface CaptureNote {
  code: CaptureNoteCode;
  message: string;
  params: Record<string, string | number>;
}

const AT_REST: readonly TcpState[] = ['CLOSED', 'LISTEN', 'TIME_WAIT'];
/** Retransmissions noted one by one; more are counted in one note. */
export const MAX_RETRANSMISSION_NOTES = 10;

function ms(t: number): string {
  return `${Number(t.toFixed(3))} ms`;
}

/**
 * What the list of connections says instead of a start time when a connection's capture times are
 * no dates (src/capture/dates.ts), and why one whose times are not exact is not drawn; else null.
 */
export function timesNote(connection: CaptureConnection): CaptureNote | null {
  switch (connection.times) {
    case 'dated':
      return null;
    case 'relative':
      return {
        code: 'time-not-a-date',
        message:
          'Its capture times lie beyond any date (the file’s time resolution or offset is likely wrong): no start time is shown, and its packets are timed from the first.',
        params: {},
      };
    case 'unusable':
      return {
        code: 'time-unusable',
        message:
          'Its capture times are too large to be exact (past 2^53 seconds, as a wrong time resolution or offset makes them): its packets cannot be told apart in time, so it cannot be drawn.',
        params: {},
      };
  }
}

export function notesFor(
  file: CaptureFile,
  connection: CaptureConnection,
  segs: readonly ObservedSegment[],
  final: FinalStates,
  assumed: TcpState | null,
  implied: readonly Implied[],
): CaptureNote[] {
  const notes: CaptureNote[] = [];
  const times = timesNote(connection);
  if (times !== null) notes.push(times);
  if (assumed !== null) {
    notes.push({
      code: 'started-before-capture',
      message:
        assumed === 'ESTABLISHED'
          ? 'The capture starts after the handshake: the states before its first segment are unknown and shown as ESTABLISHED.'
          : 'The capture starts after the client’s SYN: the client is shown in SYN_SENT and the server listening.',
      params: { assumed },
    });
  }
  for (const gap of implied) {
    notes.push({
      code: 'not-captured',
      message:
        gap.what === 'syn-rcvd-without-syn'
          ? `The ${gap.who} answers a SYN at ${ms(gap.at)} that is not in the capture.`
          : `The ${gap.who} acknowledges a SYN+ACK at ${ms(gap.at)} that is not in the capture.`,
      params: { who: gap.who, at: gap.at, what: gap.what },
    });
  }
  if (!segs.some((s) => s.from === 'server')) {
    notes.push({
      code: 'no-answer',
      message: 'The server sends nothing in this capture: its states are unknown.',
      params: {},
    });
  }
  // One note per segment sent again (its first retransmission), the first few of them.
  const resent = segs.filter(
    (seg) =>
      seg.retransmission && !(seg.previousCopy !== null && segs[seg.previousCopy]?.retransmission),
  );
  for (const seg of resent.slice(0, MAX_RETRANSMISSION_NOTES)) {
    const first = seg.previousCopy === null ? undefined : segs[seg.previousCopy];
    const flags = seg.flags.filter((f) => f !== 'PSH').join('+');
    notes.push({
      code: 'retransmission',
      message:
        `The ${seg.from} sends its ${flags} (seq ${seg.seq}) again at ${ms(seg.t)}` +
        (first ? `, first sent at ${ms(first.t)}` : '') +
        ': the first copy or its acknowledgement was probably lost where this capture could not see it. It is drawn as delivered.',
      params: { who: seg.from, flags, seq: seg.seq, at: seg.t, firstAt: first?.t ?? -1 },
    });
  }
  const more = resent.length - MAX_RETRANSMISSION_NOTES;
  if (more > 0) {
    notes.push({
      code: 'more-retransmissions',
      message: `${more} more segment(s) were sent again: their first copies or ACKs were probably lost too.`,
      params: { count: more },
    });
  }
  const cut = connection.segments.filter((i) => {
    const raw = file.segments[i];
    return raw !== undefined && raw.capturedLen < raw.len;
  }).length;
  if (cut > 0) {
    notes.push({
      code: 'snap-truncated',
      message: `${cut} segment(s) were cut short by the capture's snap length: their lengths come from the IP header, their payload is not all in the file.`,
      params: { count: cut },
    });
  }
  if (!AT_REST.includes(final.client) || !AT_REST.includes(final.server)) {
    notes.push({
      code: 'capture-cut',
      message: `The capture ends before the connection does: the client is left in ${final.client} and the server in ${final.server}.`,
      params: { client: final.client, server: final.server },
    });
  }
  return notes;
}
