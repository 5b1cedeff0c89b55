// Fuzzing parseCapture with mutations of the real fixtures: byte flips, truncations, inserted and
// deleted bytes, length fields set to extremes, swapped magic numbers, files spliced together.
// Whatever the bytes, it returns a consistent CaptureFile or throws a CaptureError, promptly. The
// mutations come from a fixed seed, so that a failure names one that can be replayed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCapture } from './parse';
import { CaptureError, type CaptureFile } from './types';
import { testDataPath } from '../testing/data';

const FIXTURES = testDataPath('captures');
const names = readdirSync(FIXTURES)
  .filter((name) => /\.pcap(ng)?$/.test(name))
  .sort();
const files = names.map((name) => new Uint8Array(readFileSync(join(FIXTURES, name))));
const MUTATIONS_PER_FIXTURE = Math.ceil(10_500 / names.length);
// Each parse should take under 100 ms; the fixtures take well under 1 ms. A parse that
// takes longer is timed again (twice at most, keeping the fastest), which tells a slow input from
// a busy machine or a garbage collection; the bound asserted is generous, so that a loaded
// machine does not fail the test; the slowest parse is printed at the end.
const AIM_MS = 100;
const PARSE_BOUND_MS = 1000;

/** Parses `bytes`, returning the file or the CaptureError thrown, and the time it took. */
function timedParse(bytes: Uint8Array): [CaptureFile | CaptureError, number] {
  const started = performance.now();
  try {
    const file = parseCapture(bytes);
    return [file, performance.now() - started];
  } catch (error) {
    if (error instanceof CaptureError) return [error, performance.now() - started];
    throw error;
  }
}

/** mulberry32: a small, fast, seedable generator. */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MAGICS = [
  [0xd4, 0xc3, 0xb2, 0xa1],
  [0xa1, 0xb2, 0xc3, 0xd4],
  [0x4d, 0x3c, 0xb2, 0xa1],
  [0xa1, 0xb2, 0x3c, 0x4d],
  [0x34, 0xcd, 0xb2, 0xa1],
  [0x0a, 0x0d, 0x0d, 0x0a],
];
const EXTREMES = [0, 1, 3, 4, 12, 0x7f, 0xff, 0xffff, 0x7fffffff, 0xffffffff, 0x80000000];

/**
 * Where a fixture's length and type fields are: the record and block headers (and pcapng options)
 * and, in every packet, the 2-byte fields of its first 64 bytes (link, IP and TCP headers).
 */
function lengthFields(bytes: Uint8Array): number[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const fields: number[] = [];
  const packet = (start: number, length: number) => {
    for (let at = start; at < start + Math.min(length, 64); at += 2) fields.push(at);
  };
  if (view.getUint32(0) !== 0x0a0d0d0a) {
    const littleEndian = bytes[0] !== 0xa1;
    fields.push(16, 20);
    for (let at = 24; at + 16 <= bytes.length;) {
      const length = view.getUint32(at + 8, littleEndian);
      fields.push(at + 8, at + 12);
      packet(at + 16, length);
      at += 16 + length;
    }
    return fields;
  }
  let littleEndian = true;
  for (let at = 0; at + 12 <= bytes.length;) {
    const type = view.getUint32(at, true);
    if (type === 0x0a0d0d0a) littleEndian = view.getUint32(at + 8, true) === 0x1a2b3c4d;
    const length = view.getUint32(at + 4, littleEndian);
    if (length < 12 || at + length > bytes.length) break;
    fields.push(at + 4, at + length - 4);
    const blockType = view.getUint32(at, littleEndian);
    if (blockType === 6 || blockType === 2) {
      fields.push(at + 8, at + 20, at + 24);
      packet(at + 28, view.getUint32(at + 20, littleEndian));
    } else if (blockType === 1) {
      fields.push(at + 8, at + 12);
      for (let option = at + 16; option + 4 <= at + length - 4;) {
        fields.push(option, option + 2);
        option += 4 + ((view.getUint16(option + 2, littleEndian) + 3) & ~3);
      }
    }
    at += length;
  }
  return fields;
}

/** One mutation of `bytes`, and a description of it (for a failure's message). */
function mutate(
  bytes: Uint8Array,
  fields: number[],
  random: () => number,
  other: Uint8Array,
): [Uint8Array, string] {
  const pick = (n: number) => Math.floor(random() * n);
  const at = pick(bytes.length);
  switch (pick(8)) {
    case 0: {
      const out = bytes.slice();
      const flips = 1 + pick(8);
      for (let i = 0; i < flips; i++) {
        const place = pick(out.length);
        out[place] = out[place]! ^ (1 << pick(8));
      }
      return [out, `${flips} bit flips`];
    }
    case 1:
      return [bytes.slice(0, at), `cut at ${at}`];
    case 2: {
      const inserted = Uint8Array.from({ length: 1 + pick(16) }, () => pick(256));
      const out = new Uint8Array(bytes.length + inserted.length);
      out.set(bytes.subarray(0, at));
      out.set(inserted, at);
      out.set(bytes.subarray(at), at + inserted.length);
      return [out, `${inserted.length} bytes inserted at ${at}`];
    }
    case 3: {
      const count = Math.min(1 + pick(64), bytes.length - at);
      const out = new Uint8Array(bytes.length - count);
      out.set(bytes.subarray(0, at));
      out.set(bytes.subarray(at + count), at);
      return [out, `${count} bytes deleted at ${at}`];
    }
    case 4:
    case 5: {
      // A length or type field (mostly), or any 16- or 32-bit field aligned as headers align
      // them, set to an extreme in either byte order.
      const out = bytes.slice();
      const view = new DataView(out.buffer);
      const value = EXTREMES[pick(EXTREMES.length)]!;
      const wide = random() < 0.5;
      const place =
        fields.length > 0 && random() < 0.7
          ? fields[pick(fields.length)]!
          : at - (at % (wide ? 4 : 2));
      const littleEndian = random() < 0.5;
      if (wide && place + 4 <= out.length) view.setUint32(place, value >>> 0, littleEndian);
      else if (place + 2 <= out.length) view.setUint16(place, value & 0xffff, littleEndian);
      return [out, `field at ${place} set to ${value}`];
    }
    case 6: {
      const out = bytes.slice();
      out.set(MAGICS[pick(MAGICS.length)]!.slice(0, out.length));
      return [out, 'magic swapped'];
    }
    default: {
      const from = pick(other.length);
      const out = new Uint8Array(at + other.length - from);
      out.set(bytes.subarray(0, at));
      out.set(other.subarray(from), at);
      return [out, `spliced at ${at} with another fixture from ${from}`];
    }
  }
}

/** What must hold of any file parseCapture returns: a list of what does not. */
function inconsistencies(file: CaptureFile, size: number): string[] {
  const problems: string[] = [];
  let previous = -1;
  for (const segment of file.segments) {
    const where = `segment of packet ${segment.packet}`;
    if (segment.packet <= previous) problems.push(`${where}: packets out of order`);
    previous = segment.packet;
    if (segment.offset >= size) problems.push(`${where}: offset ${segment.offset} past the end`);
    if (!Number.isFinite(segment.timeMs)) problems.push(`${where}: time ${segment.timeMs}`);
    if (segment.capturedLen < 0 || segment.capturedLen > segment.len) {
      problems.push(`${where}: captured ${segment.capturedLen} of ${segment.len}`);
    }
    if (segment.srcPort > 0xffff || segment.dstPort > 0xffff) problems.push(`${where}: port`);
    if (segment.seq > 0xffffffff || segment.ack > 0xffffffff) problems.push(`${where}: number`);
  }
  if (previous >= file.packets) problems.push(`packet ${previous} of ${file.packets}`);
  for (const warning of file.warnings) {
    if (warning.offset < 0 || warning.offset > size) {
      problems.push(`warning offset ${warning.offset}`);
    }
  }
  return problems;
}

let mutations = 0;
let slowestMs = 0;
let slowest = '';
const outcomes = { parsed: 0, refused: 0 };

describe('parseCapture on mutated fixtures', () => {
  names.forEach((name, index) => {
    it(`${MUTATIONS_PER_FIXTURE} mutations of ${name}: a CaptureFile or a CaptureError`, () => {
      const random = generator(0x5eed + index);
      const bytes = files[index]!;
      const fields = lengthFields(bytes);
      expect(fields.length).toBeGreaterThan(10);
      for (let run = 0; run < MUTATIONS_PER_FIXTURE; run++) {
        const other = files[Math.floor(random() * files.length)]!;
        const [mutated, description] = mutate(bytes, fields, random, other);
        const label = `${name}, mutation ${run}: ${description}`;
        let outcome: CaptureFile | CaptureError;
        let elapsed: number;
        try {
          [outcome, elapsed] = timedParse(mutated);
          for (let retry = 0; retry < 2 && elapsed > AIM_MS; retry++) {
            elapsed = Math.min(elapsed, timedParse(mutated)[1]);
          }
        } catch (error) {
          throw new Error(`${label}: threw ${String(error)}`, { cause: error });
        }
        if (elapsed > slowestMs) {
          slowestMs = elapsed;
          slowest = label;
        }
        if (elapsed >= PARSE_BOUND_MS) expect.fail(`${label}: ${elapsed} ms`);
        if (outcome instanceof CaptureError) {
          if (outcome.offset < 0 || outcome.offset > mutated.length) {
            expect.fail(`${label}: CaptureError offset ${outcome.offset}`);
          }
          outcomes.refused++;
        } else {
          const problems = inconsistencies(outcome, mutated.length);
          if (problems.length > 0) expect.fail(`${label}: ${problems.join('; ')}`);
          outcomes.parsed++;
        }
        mutations++;
      }
    });
  });

  afterAll(() => {
    console.log(
      `fuzz: ${mutations} mutations (${outcomes.parsed} read, ${outcomes.refused} refused with ` +
        `a CaptureError); slowest parse ${slowestMs.toFixed(2)} ms (${slowest})`,
    );
  });

  it('ran at least 10,000 mutations', () => {
    expect(mutations).toBeGreaterThanOrEqual(10_000);
  });
});
