// What the file readers (pcap.ts, pcapng.ts) share: the packets decoded so far, the warnings, the
// interfaces and the progress reports. A file reader finds each packet's bytes and time; the
// CaptureReader decodes them (link.ts, ip.ts, tcp.ts) into a segment or a warning.
import { AddressBook, readIp } from './ip';
import { isKnownLinkType, linkTypeName, readLink } from './link';
import { DECODED, PacketFields, PROBLEM } from './packet';
import { flagsOf, otherFlagsOf } from '../engine/wire/flags';
import { readTcp } from './tcp';
import type { CapturedSegment, CaptureFile, CaptureInterface, CaptureWarning } from './types';

/** Progress is reported each time this many more bytes are read. */
export const PROGRESS_STEP = 4 * 1024 * 1024;
/** Warnings kept; beyond, they are only counted (a broken file could have one per packet). */
export const MAX_WARNINGS = 200;

export interface ParseOptions {
  /** Called every few MB with the bytes read so far and the file's size, and once at the end. */
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
  nextProgress = PROGRESS_STEP;

  private readonly onProgress: ParseOptions['onProgress'];
  private readonly fields = new PacketFields();
  private readonly addresses = new AddressBook();
  private readonly linkTypes: string[] = [];
  private warningsLeftOut = 0;
  private lastLeftOutOffset = 0;
  private optionsCut = 0;
  private optionsCutWarning = -1;

  constructor(bytes: Uint8Array, options: ParseOptions) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.onProgress = options.onProgress;
  }

  /** Declares an interface (the pcap header, or a pcapng IDB); returns its index in the file. */
  addInterface(offset: number, linkType: number, name?: string, description?: string): number {
    const index = this.interfaces.length;
    const linkName = linkTypeName(linkType);
    const info: CaptureInterface = { linkType: linkName };
    if (name !== undefined) info.name = name;
    if (description !== undefined) info.description = description;
    this.interfaces.push(info);
    if (!this.linkTypes.includes(linkName)) this.linkTypes.push(linkName);
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
    this.nextProgress = done + PROGRESS_STEP;
    this.onProgress?.(done, this.bytes.length);
  }

  /**
   * One packet: its record starts at `offset`, its bytes at `start`. `wireLength` is its length
   * on the wire (at least capturedLength); `sec`/`ns` its capture time.
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
    this.segments.push({
      packet: index,
      offset,
      timeMs: sec * 1000 + ns / 1e6,
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
    });
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
      linkTypes: this.linkTypes,
      interfaces: this.interfaces,
      packets: this.packets,
      segments: this.segments,
      warnings: this.warnings,
      truncated: this.truncated,
    };
  }
}
