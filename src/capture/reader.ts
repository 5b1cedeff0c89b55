// What the file readers (pcap.ts, pcapng.ts) share: the packets decoded so far, the warnings, the
// interfaces and the progress reports. A file reader finds each packet's bytes and time; the
// CaptureReader decodes them (link.ts, ip.ts, tcp.ts) into a segment or a warning.
import { AddressBook, readIp } from './ip';
import { isDateMs, isExactTime } from './dates';
import { isKnownLinkType, linkTypeName, readLink } from './link';
import { DECODED, PacketFields, PROBLEM } from './packet';
import { flagsOf, otherFlagsOf } from '../engine/wire/flags';
import { readTcp } from './tcp';
import type { CapturedSegment, CaptureFile, CaptureInterface, CaptureWarning } from './types';

/** Progress is reported at least each time this many more bytes are read. */
export const PROGRESS_STEP = 4 * 1024 * 1024;
/** The fewest bytes between two progress reports (each is a message to the page). */
export const MIN_PROGRESS_STEP = 64 * 1024;

/**
 * How many bytes are read between two progress reports of a file of `size` bytes: a 64th of it,
 * between MIN_PROGRESS_STEP and PROGRESS_STEP, so that the bar moves on a file of a few MB too
 * (one of small blocks reads far fewer bytes a second than one of packets).
 */
export function progressStepFor(size: number): number {
  return Math.min(PROGRESS_STEP, Math.max(MIN_PROGRESS_STEP, Math.ceil(size / 64)));
}
/** Warnings kept; beyond, they are only counted (a broken file could have one per packet). */
export const MAX_WARNINGS = 200;

export interface ParseOptions {
  /**
   * Called with the bytes read so far and the file's size every progressStepFor(size) bytes,
   * whatever blocks fill them, and once at the end.
   */
  onProgress?(done: number, total: number): void;
}

export class CaptureReader {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  readonly segments: CapturedSegment[] = [];
  readonly warnings: CaptureWarning[] = [];
  readonly interfaces: CaptureInterface[] = [];
  packets = 0;
  truncated = false;
  /** The next file position at which to report progress. */
  nextProgress: number;
  private readonly progressStep: number;

  private readonly onProgress: ParseOptions['onProgress'];
  private readonly fields = new PacketFields();
  private readonly addresses = new AddressBook();
  /** The link types' names in the order first seen (a Set: a file may declare 65,536 of them). */
  private readonly linkTypes = new Set<string>();
  private warningsLeftOut = 0;
  private lastLeftOutOffset = 0;
  private optionsCut = 0;
  private optionsCutWarning = -1;

  constructor(bytes: Uint8Array, options: ParseOptions) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.onProgress = options.onProgress;
    this.progressStep = progressStepFor(bytes.length);
    this.nextProgress = this.progressStep;
  }

  /** Declares an interface (the pcap header, or a pcapng IDB); returns its index in the file. */
  addInterface(offset: number, linkType: number, name?: string, description?: string): number {
    const index = this.interfaces.length;
    const linkName = linkTypeName(linkType);
    const info: CaptureInterface = { linkType: linkName };
    if (name !== undefined) info.name = name;
    if (description !== undefined) info.description = description;
    this.interfaces.push(info);
    this.linkTypes.add(linkName);
    if (!isKnownLinkType(linkType)) {
      this.warn(
        offset,
        `interface ${index} has link type ${linkType}, which is not read here (Ethernet, Linux ` +
          'cooked, raw IP and loopback are): its packets are skipped',
      );
    }
    return index;
  }

  warn(offset: number, message: string): void {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push({ offset, message });
    else {
      this.warningsLeftOut++;
      this.lastLeftOutOffset = offset;
    }
  }

  /** The file ends inside a record: what came before is kept. */
  cut(offset: number, message: string): void {
    this.truncated = true;
    this.warn(offset, message);
  }

  progress(done: number): void {
    this.nextProgress = done + this.progressStep;
    this.onProgress?.(done, this.bytes.length);
  }

  /**
   * One packet: its record starts at `offset`, its bytes at `start`. `wireLength` is its length
   * on the wire (at least capturedLength); `sec`/`ns` its capture time, `exactTime` false when the
   * file reader could not keep it exact.
   */
  packet(
    offset: number,
    start: number,
    capturedLength: number,
    wireLength: number,
    linkType: number,
    sec: number,
    ns: number,
    iface: number,
    exactTime = true,
  ): void {
    const index = this.packets++;
    const bytes = this.bytes;
    const fields = this.fields;
    fields.capEnd = start + capturedLength;
    fields.wireEnd = start + (wireLength > capturedLength ? wireLength : capturedLength);
    let status = readLink(bytes, linkType, start, fields);
    if (status === DECODED) status = readIp(bytes, fields, this.addresses);
    if (status === DECODED) status = readTcp(bytes, fields);
    if (status !== DECODED) {
      if (status === PROBLEM) this.warn(offset, `packet ${index + 1}: ${fields.problem}`);
      return;
    }
    if (fields.firstFragment) {
      this.warn(
        offset,
        `packet ${index + 1}: the first fragment of a fragmented TCP segment (fragments are not ` +
          'reassembled: its length is this fragment’s)',
      );
    }
    if (fields.optionsCut && this.optionsCut++ === 0) {
      this.optionsCutWarning = this.warnings.length;
      this.warn(offset, `packet ${index + 1}: the snap length cut its TCP options`);
    }
    const timeMs = sec * 1000 + ns / 1e6;
    const segment: CapturedSegment = {
      packet: index,
      offset,
      timeMs,
      timeSec: sec,
      timeNs: ns,
      iface,
      ipVersion: fields.ipVersion,
      src: fields.src,
      dst: fields.dst,
      srcPort: fields.srcPort,
      dstPort: fields.dstPort,
      seq: fields.seq,
      ack: fields.ack,
      flags: flagsOf(fields.flagBits),
      otherFlags: otherFlagsOf(fields.flagBits),
      window: fields.window,
      len: fields.payloadLength,
      capturedLen: fields.capturedLength,
      options: fields.options,
    };
    // Flagged here, where the time is read, so that nothing downstream takes it for a date.
    if (!isDateMs(timeMs)) segment.notADate = true;
    if (!exactTime || !isExactTime(sec, ns)) segment.inexactTime = true;
    this.segments.push(segment);
  }

  finish(format: CaptureFile['format']): CaptureFile {
    const cutWarning = this.warnings[this.optionsCutWarning];
    if (cutWarning !== undefined && this.optionsCut > 1) {
      cutWarning.message += ` (and those of ${this.optionsCut - 1} more packets)`;
    }
    if (this.warningsLeftOut > 0) {
      this.warnings.push({
        offset: this.lastLeftOutOffset,
        message: `${this.warningsLeftOut} more warnings not listed`,
      });
    }
    this.onProgress?.(this.bytes.length, this.bytes.length);
    return {
      format,
      linkTypes: [...this.linkTypes],
      interfaces: this.interfaces,
      packets: this.packets,
      segments: this.segments,
      warnings: this.warnings,
      truncated: this.truncated,
    };
  }
}
