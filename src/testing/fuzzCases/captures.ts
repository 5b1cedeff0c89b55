// Fuzz cases for capture files: mutations of the real fixtures in src/testing/captures (byte flips,
// truncations, inserted and deleted bytes, length fields set to extremes, swapped magic numbers,
// files spliced together). The unit fuzzer (src/capture/parse.fuzz.test.ts) parses them; the
// browser sample (e2e/fuzzPage.spec.ts) opens them in the page. Each stream of mutations comes
// from a seed, so that a failure names one that can be replayed.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng } from '../../engine/rng';
import { testDataPath } from '../data';

/** A capture file of the fixtures. */
export interface CaptureFixture {
  name: string;
  bytes: Uint8Array;
}

/** Every capture fixture (pcap and pcapng), in name order. */
export function captureFixtures(): CaptureFixture[] {
  const folder = testDataPath('captures');
  return readdirSync(folder)
    .filter((name) => /\.pcap(ng)?$/.test(name))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(folder, name))) }));
}

/** The seed of the unit fuzzer's mutations: fixture `i` mutates from `CAPTURE_FUZZ_SEED + i`. */
export const CAPTURE_FUZZ_SEED = 0x5eed;

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
export function lengthFields(bytes: Uint8Array): number[] {
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
export function mutateCapture(
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

/** A mutated fixture, and what was done to it. */
export interface MutatedCapture {
  label: string;
  bytes: Uint8Array;
}

/**
 * The first `count` mutations of fixture `index`, drawn from `seed + index` (another fixture
 * picked at random each time, for a splice).
 */
export function* mutatedCaptures(
  fixtures: readonly CaptureFixture[],
  index: number,
  count: number,
  seed = CAPTURE_FUZZ_SEED,
): Generator<MutatedCapture> {
  const rng = createRng(seed + index);
  const random = () => rng.next();
  const { name, bytes } = fixtures[index]!;
  const fields = lengthFields(bytes);
  for (let run = 0; run < count; run++) {
    const other = fixtures[Math.floor(random() * fixtures.length)]!.bytes;
    const [mutated, description] = mutateCapture(bytes, fields, random, other);
    yield { label: `${name}, mutation ${run}: ${description}`, bytes: mutated };
  }
}

/** `count` mutations taken from every fixture in turn, each fixture's from `seed + its index`. */
export function mutatedCaptureSample(
  fixtures: readonly CaptureFixture[],
  count: number,
  seed: number,
): MutatedCapture[] {
  const each = Math.ceil(count / fixtures.length);
  const streams = fixtures.map((_, index) => [...mutatedCaptures(fixtures, index, each, seed)]);
  return Array.from(
    { length: count },
    (_, k) => streams[k % fixtures.length]![Math.floor(k / fixtures.length)]!,
  );
}
