// Words for opening a capture file: the header's button, the drop overlay, the progress, the list
// of connections and what a capture cannot show (a lazy namespace, see ../../core.ts).

export const capturing = {
  open: 'Open a capture',
  openHint: 'A .pcap or .pcapng file, from Wireshark or tcpdump',
  drop: 'Drop a .pcap or .pcapng file to open it',
  reading: 'Reading {file}…',
  progressLabel: 'Reading the capture',
  progressMb: '{done} of {total} MB',
  cancel: 'Cancel',
  cancelled: 'Stopped reading {file}; what was shown before stays.',
  file: 'Capture: {file}',
  summary: 'Packets: {packets} · TCP connections: {connections} · {format} file',
  truncated: 'The file ends in the middle of a packet: what came before it is shown.',
  warnings: 'Problems while reading: {count}; the first, at byte {offset}: {first}.',
  none: 'No TCP connection in this file.',
  pick: 'Pick a connection to draw it:',
  listLabel: 'TCP connections in the capture',
  packets: 'packets: {n}',
  started: 'from {time}',
  ending: {
    fin: 'closed with FIN',
    rst: 'reset (RST)',
    open: 'still open at the end of the capture',
  },
  beforeCapture: 'started before the capture',
  current: 'shown',
  more: 'Show {n} more',
  drawing: 'Drawing the connection…',
  close: 'Close the file',
  shownTitle: 'A real connection: {label}',
  inferredTitle: 'The receiving side’s times are inferred',
  inferred:
    'A capture holds one timestamp per packet, taken where it was captured. Each arrow leaves at its captured time; when it reached the other side, and both sides’ states, are inferred by running the captured segments through the TCP state rules. Nothing here can be re-run: the knobs that change a lesson do not apply.',
  cannotShow: 'What this capture cannot show',
  back: 'Pick a lesson in the list above to go back to the lessons.',
  who: {
    client: 'client',
    server: 'server',
  },
  notes: {
    startedEstablished:
      'The capture starts after the handshake: the states before its first segment are unknown and shown as ESTABLISHED.',
    startedSynSent:
      'The capture starts after the client’s SYN: the client is shown in SYN_SENT and the server listening.',
    synNotCaptured: 'The {who} answers a SYN at {at} that is not in the capture.',
    synAckNotCaptured: 'The {who} acknowledges a SYN+ACK at {at} that is not in the capture.',
    noAnswer: 'The server sends nothing in this capture: its states are unknown.',
    retransmission:
      'The {who} sends its {flags} (seq {seq}) again at {at}, first sent at {firstAt}: the first copy or its acknowledgement was probably lost where this capture could not see it. It is drawn as delivered.',
    retransmissionFirstUnseen:
      'The {who} sends its {flags} (seq {seq}) again at {at}: the first copy or its acknowledgement was probably lost where this capture could not see it. It is drawn as delivered.',
    snapTruncated:
      '{count} segments were cut short by the capture’s snap length: their lengths come from the IP header, their payload is not all in the file.',
    timeNotADate:
      'Its capture times lie beyond any date (the file’s time resolution or offset is likely wrong): no start time is shown, and its packets are timed from the first.',
    timeUnusable:
      'Its capture times are too large to be exact (past 2^53 seconds, as a wrong time resolution or offset makes them): its packets cannot be told apart in time, so it cannot be drawn.',
    captureCut:
      'The capture ends before the connection does: the client is left in {client} and the server in {server}.',
  },
} as const;
