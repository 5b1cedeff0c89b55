// For tests: the state transitions a trace may show. RFC 9293's table (shared/reference) and the
// trace model's additions, read once for the engine's property tests and the capture checks.
import { readFileSync } from 'node:fs';
import { sharedPath } from '../../testing/shared';
import { TCP_STATES, type TcpState } from '../types';

const SYNCHRONIZED: readonly TcpState[] = [
  'SYN_RCVD', // 3.10.7.4 treats SYN-RECEIVED with the synchronized states
  'ESTABLISHED',
  'FIN_WAIT_1',
  'FIN_WAIT_2',
  'CLOSE_WAIT',
  'CLOSING',
  'LAST_ACK',
  'TIME_WAIT',
];

/** "SYN-RECEIVED" → "SYN_RCVD", "TIME-WAIT (start 2MSL)" → "TIME_WAIT"; throws on anything unknown. */
function stateName(field: string): TcpState {
  const word = field.trim().split(/\s+/)[0] ?? '';
  const name = word.replace(/-/g, '_').replace('SYN_RECEIVED', 'SYN_RCVD');
  if (!(TCP_STATES as readonly string[]).includes(name))
    throw new Error(`unknown state in CSV: ${field}`);
  return name as TcpState;
}

/** The table's transitions as `from>to` pairs. */
function transitionsFromCsv(text: string): Set<string> {
  const allowed = new Set<string>();
  const lines = text.split(/\r?\n/).filter((line) => line.trim() !== '' && !line.startsWith('#'));
  const [header, ...rows] = lines;
  const columns = (header ?? '').split(',');
  const fromAt = columns.indexOf('from_state');
  const toAt = columns.indexOf('to_state');
  if (fromAt < 0 || toAt < 0) throw new Error('CSV header lacks from_state/to_state');
  for (const row of rows) {
    const cells = row.split(',');
    const fromCell = (cells[fromAt] ?? '').trim();
    const toCell = (cells[toAt] ?? '').trim();
    const froms: readonly TcpState[] =
      fromCell === 'ANY'
        ? TCP_STATES
        : fromCell === 'ANY-SYNCHRONIZED'
          ? SYNCHRONIZED
          : [stateName(fromCell)];
    for (const from of froms) {
      const to = toCell.startsWith('(unchanged)') ? from : stateName(toCell);
      allowed.add(`${from}>${to}`);
    }
  }
  return allowed;
}

/** RFC 9293's transitions, from shared/reference/rfc9293-transitions.csv. */
export const RFC_TRANSITIONS: ReadonlySet<string> = transitionsFromCsv(
  readFileSync(sharedPath('reference', 'rfc9293-transitions.csv'), 'utf8'),
);

/** What the trace model adds to the RFC's diagram (CONTRACT section 2: the shown state). */
export const TRACE_MODEL_TRANSITIONS: readonly [TcpState, TcpState, string][] = [
  // A listener whose last connection ended shows that connection's CLOSED; when it takes a new
  // one it shows LISTEN again before SYN_RCVD (receive.ts onListen).
  ['CLOSED', 'LISTEN', 'listener takes a new connection after the last one ended'],
  // deleteTcb with backToListen on a passive SYN_RCVD (RST, SYN in window, SYN+ACK retries
  // exhausted) while the app still listens: the RFC's "return to LISTEN".
  ['SYN_RCVD', 'LISTEN', 'passive open reset or given up while listening'],
  // ANY→CLOSED is in the table (ABORT, user timeout); listed again for the reasons the engine has:
  // retries exhausted (R2), orphaned FIN_WAIT_2 timeout (Linux), RST, whatIf.noTimeWait (checked
  // against its cause in the property tests), Linux's RST on data after close.
  ...TCP_STATES.map((s): [TcpState, TcpState, string] => [
    s,
    'CLOSED',
    'abort / R2 / fin-wait-2 timeout / RST',
  ]),
];

/** Every `from>to` pair a trace may show: the RFC's and the trace model's. */
export const ALLOWED_TRANSITIONS: ReadonlySet<string> = new Set([
  ...RFC_TRANSITIONS,
  ...TRACE_MODEL_TRANSITIONS.map(([f, t]) => `${f}>${t}`),
]);
