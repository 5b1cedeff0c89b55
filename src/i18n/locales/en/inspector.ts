// The segment inspector's words (src/ui/SegmentInspector.tsx): a namespace of its own, loaded
// when the inspector is first opened (see ../../core.ts, loadNamespace). Keys under `reasons`
// and `flags` use the engine's spelling (SendReason, Flag).

export const inspector = {
  title: 'Segment {id}',
  subtitle: '{from} → {to}, sent at {time}',
  close: 'Close',
  closeAria: 'Close the segment inspector',
  empty: 'Click a segment to see its header.',
  headerTitle: 'TCP header',
  field: 'Field',
  value: 'Value',
  bits: 'Bits',
  fields: {
    srcPort: 'Source port',
    dstPort: 'Destination port',
    seq: 'Sequence number',
    ack: 'Acknowledgment number',
    dataOffset: 'Data offset',
    reserved: 'Reserved',
    flags: 'Flags',
    window: 'Window',
    checksum: 'Checksum',
    urgentPointer: 'Urgent pointer',
    options: 'Options',
    payload: 'Data',
  },
  fieldHelp: {
    srcPort: 'The sender’s port.',
    dstPort: 'The receiver’s port.',
    seq: 'The number of the first byte (or of the SYN or FIN) this segment carries.',
    ack: 'The next sequence number the sender expects; valid only with the ACK flag.',
    dataOffset: 'Header length in 32-bit words: {words} words = {bytes} bytes.',
    reserved: 'Must be zero.',
    window: 'How many more bytes the sender is willing to receive.',
    checksum:
      'Ones’ complement sum over the IPv4 pseudo-header (addresses, protocol, length), the header and the data.',
    urgentPointer: 'Only meaningful with the URG flag; zero here.',
    options: 'None: the header is the minimum 20 bytes.',
    dataOffsetOptions:
      'Header length in 32-bit words: {words} words = {bytes} bytes: 20 fixed + {options} of options.',
    optionsPadded:
      '{bytes} bytes: {own} of options, {nops} of NOP padding (kind 1) that aligns them to 32-bit words.',
    optionsUnpadded: '{bytes} bytes: the options fill whole 32-bit words.',
    optionsTooLong:
      'These options take more than the 40 bytes a TCP header has room for: no segment can carry them, so the header below leaves them out.',
    windowScaled:
      'Scaled: both SYNs carried the window scale option, so the receiver multiplies this field by 2^{shift} = {factor}, the factor the sender announced in its SYN (RFC 7323 §2.2).',
    windowSyn:
      'How many more bytes the sender is willing to receive. A SYN’s window is never scaled (RFC 7323 §2.2).',
  },
  windowScaled: '{value} (× {factor} = {bytes} bytes)',
  optionNames: {
    mss: 'MSS {value} bytes',
    sackPermitted: 'SACK permitted',
    timestamps: 'Timestamps: TSval {tsval}, TSecr {tsecr}',
    windowScale: 'Window scale ×{factor} (shift {shift})',
  },
  optionHelp: {
    mss: 'The largest segment the sender can receive (RFC 9293 §3.7.1).',
    sackPermitted: 'The sender can take selective acknowledgments (RFC 2018).',
    timestamps:
      'The sender’s timestamp clock, and the last timestamp it received from the peer (0 while it has none): they time round trips and let the receiver discard old duplicates (PAWS, RFC 7323 §3 and §5).',
    windowScale:
      'Once both SYNs carry this option, the sender’s window field counts in units of 2^{shift} bytes (RFC 7323 §2.2).',
  },
  optionKind: 'kind {code}, {length} bytes',
  headerBytesAriaCount: 'The {n} header bytes in hexadecimal',
  bytesFixed: 'fixed header',
  bytesOptions: 'options',
  flags: {
    CWR: 'CWR: congestion window reduced',
    ECE: 'ECE: ECN echo',
    URG: 'URG: urgent pointer is valid',
    ACK: 'ACK: acknowledgment number is valid',
    PSH: 'PSH: push the data to the application',
    RST: 'RST: reset the connection',
    SYN: 'SYN: synchronize sequence numbers',
    FIN: 'FIN: no more data from the sender',
  },
  flagOn: 'set',
  flagOff: 'not set',
  checksumValue: '{value} (over the IPv4 pseudo-header)',
  relative: 'relative {value}',
  absolute: 'absolute {value}',
  notSet: '— (no ACK flag)',
  headerBytes: 'Header bytes (hex)',
  headerBytesAria: 'The 20 header bytes in hexadecimal',
  copyHex: 'Copy the hex',
  copied: 'Copied',
  why: 'Why it was sent',
  history: 'What happened to it',
  sentAt: 'Sent at {time}',
  deliveredAt: 'Delivered at {time}',
  droppedAt: 'Dropped at {time}',
  copyDeliveredAt: 'A copy delivered at {time}',
  reasons: {
    'active-open': 'The application called connect(): the first SYN.',
    'passive-open': 'A SYN arrived at a listening socket: the answer is SYN+ACK.',
    'simultaneous-open': 'Both sides sent a SYN at once: this SYN+ACK answers the other’s SYN.',
    'handshake-ack': 'The SYN+ACK arrived: this ACK completes the handshake.',
    data: 'The application wrote data.',
    ack: 'Acknowledges what arrived.',
    'delayed-ack': 'An acknowledgment held back by the delayed-ACK timer.',
    fin: 'The application closed its sending direction: FIN.',
    retransmit: 'Not acknowledged in time: sent again.',
    'dup-ack':
      'An out-of-window or repeated segment arrived: the ACK repeats where the receiver is.',
    'challenge-ack':
      'A suspicious SYN or RST arrived: a challenge ACK asks the peer to prove itself.',
    'rst-closed': 'A segment arrived for a connection that does not exist: reset.',
    'rst-listen': 'A listening socket got something other than a SYN: reset.',
    'rst-bad-ack': 'The segment acknowledged something never sent: reset.',
    'rst-orphan-data': 'Data arrived after the application closed the socket: reset (Linux).',
    'rst-syn-in-window': 'A SYN arrived inside an open connection: reset.',
    abort: 'The application aborted the connection: reset.',
    'loss-probe':
      'A tail loss probe (Linux): no acknowledgment came for a while, so a segment is sent to draw one out.',
    'paws-ack':
      'A segment with an older timestamp arrived (PAWS): it is discarded, and this ACK says where the receiver is.',
    injected: 'Injected by the scenario (for example an old duplicate).',
  },
} as const;
