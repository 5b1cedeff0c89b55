// RFC 9293's transition table (rfc9293/rfc9293-transitions.csv, a transcription of the RFC), read
// once for every test that needs it: the engine's row-by-row cases, the check that the engine's
// transition table holds the RFC's, and the state-machine figure's arrows.
import { readFileSync } from 'node:fs';
import { TCP_STATES, type TcpState } from '../engine/types';
import { RFC_TRANSITIONS_CSV } from './data';

export const RFC_COLUMNS = [
  'from_state',
  'event',
  'condition',
  'send',
  'to_state',
  'rfc_ref',
  'linux_note',
] as const;

/** One row of the table, with its line number in the file. */
export type RfcRow = Record<(typeof RFC_COLUMNS)[number], string> & { line: number };

function readRows(text: string): RfcRow[] {
  const rows: RfcRow[] = [];
  let header: string[] | null = null;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    // The table writes ";" for a comma inside a field, so a plain split is exact.
    const fields = line.split(',').map((f) => f.trim());
    if (header === null) {
      header = fields;
      if (fields.join(',') !== RFC_COLUMNS.join(',')) {
        throw new Error(`the CSV's header is ${line}, expected ${RFC_COLUMNS.join(',')}`);
      }
      return;
    }
    if (fields.length !== RFC_COLUMNS.length) {
      throw new Error(
        `CSV line ${index + 1}: ${fields.length} fields, expected ${RFC_COLUMNS.length}`,
      );
    }
    const row = { line: index + 1 } as RfcRow; // every column is assigned just below
    RFC_COLUMNS.forEach((name, i) => (row[name] = fields[i] ?? ''));
    rows.push(row);
  });
  return rows;
}

/** Every row of the table, in file order. */
export const RFC_ROWS: readonly RfcRow[] = readRows(readFileSync(RFC_TRANSITIONS_CSV, 'utf8'));

const CSV_STATES: Record<string, TcpState> = {
  CLOSED: 'CLOSED',
  LISTEN: 'LISTEN',
  'SYN-SENT': 'SYN_SENT',
  'SYN-RECEIVED': 'SYN_RCVD',
  ESTABLISHED: 'ESTABLISHED',
  'FIN-WAIT-1': 'FIN_WAIT_1',
  'FIN-WAIT-2': 'FIN_WAIT_2',
  'CLOSE-WAIT': 'CLOSE_WAIT',
  CLOSING: 'CLOSING',
  'LAST-ACK': 'LAST_ACK',
  'TIME-WAIT': 'TIME_WAIT',
};

/**
 * A state as the CSV writes it ("TIME-WAIT (start 2MSL)", "SYN-RECEIVED") as the trace names it;
 * null for "ANY…" and "(unchanged)". Throws on a name it does not know.
 */
export function csvState(text: string): TcpState | null {
  const name = text.replace(/\s*\(.*\)\s*$/, '').trim();
  if (name === '' || name.startsWith('ANY')) return null;
  const state = CSV_STATES[name];
  if (state === undefined) throw new Error(`unknown state in the CSV: ${text}`);
  return state;
}

/**
 * Every state but CLOSED, LISTEN and SYN_SENT: the synchronized states, and SYN_RCVD, which
 * 3.10.7.4 treats with them.
 */
const SYNCHRONIZED: readonly TcpState[] = TCP_STATES.filter(
  (state) => state !== 'CLOSED' && state !== 'LISTEN' && state !== 'SYN_SENT',
);

/** The states a row's from_state stands for (ANY and ANY-SYNCHRONIZED stand for several). */
export function fromStates(row: RfcRow): readonly TcpState[] {
  if (row.from_state === 'ANY') return TCP_STATES;
  if (row.from_state === 'ANY-SYNCHRONIZED') return SYNCHRONIZED;
  const state = csvState(row.from_state);
  if (state === null) throw new Error(`CSV line ${row.line}: from_state ${row.from_state}`);
  return [state];
}

/** The table's transitions as `from>to` pairs ("(unchanged)" gives `s>s`). */
export const RFC_TRANSITIONS: ReadonlySet<string> = new Set(
  RFC_ROWS.flatMap((row) =>
    fromStates(row).map((from) => {
      const to = row.to_state.startsWith('(unchanged)') ? from : csvState(row.to_state);
      if (to === null) throw new Error(`CSV line ${row.line}: to_state ${row.to_state}`);
      return `${from}>${to}`;
    }),
  ),
);
