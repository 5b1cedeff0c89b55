// Lesson titles and one-line summaries, keyed by lesson id (src/scenarios/index.ts LESSON_IDS).

export const lessons = {
  'client-closes-first': {
    title: 'Client closes first',
    summary:
      'The usual life of a connection: three-way handshake, a little data, four-way close, and the client waits in TIME_WAIT.',
  },
  'server-closes-first': {
    title: 'Server closes first',
    summary:
      'The server answers and closes first, like a web server after a response, so the server is the one left in TIME_WAIT.',
  },
  'half-close': {
    title: 'Half-close: data after the first FIN',
    summary:
      'The client shuts down its sending side; the server keeps sending from CLOSE_WAIT until it closes too.',
  },
  'delayed-ack-close': {
    title: 'Three-segment close (Linux, delayed ACK)',
    summary:
      'Linux delays the ACK of the FIN; the server closes in the meantime, and its FIN carries the ACK.',
  },
  'simultaneous-close': {
    title: 'Simultaneous close',
    summary:
      'Both sides close at once, their FINs cross, and both pass through CLOSING into TIME_WAIT.',
  },
  'lost-syn': {
    title: 'Lost SYN',
    summary:
      'The first SYN is lost; the client retransmits it after one second and the handshake completes late.',
  },
  'lost-syn-ack': {
    title: 'Lost SYN+ACK',
    summary: 'The server’s SYN+ACK is lost; both sides retransmit until the handshake completes.',
  },
  'lost-final-ack': {
    title: 'Lost final ACK',
    summary:
      'The last ACK is lost; the server retransmits its FIN and the client, still in TIME_WAIT, acknowledges it again.',
  },
  'no-time-wait': {
    title: 'What if there were no TIME_WAIT?',
    summary:
      'The same lost ACK, but the client has already forgotten the connection: the retransmitted FIN meets RST.',
  },
  'reuse-with-time-wait': {
    title: 'Port reuse refused by TIME_WAIT',
    summary:
      'Reconnecting from the same port without SO_REUSEADDR fails with EADDRINUSE while TIME_WAIT holds it, so a stray old segment finds no connection to harm.',
  },
  'reuse-timestamps': {
    title: 'Port reuse on Linux: timestamps protect the new connection',
    summary:
      'With SO_REUSEADDR, Linux takes over the TIME_WAIT connection because it used timestamps: the new one starts far beyond the old sequence numbers, and PAWS discards the stray old segment.',
  },
  'reuse-without-time-wait': {
    title: 'What if a port could be reused during TIME_WAIT?',
    summary:
      'What real stacks prevent: the port is taken over during TIME_WAIT with no protection, and a delayed segment of the old connection is accepted as new data by the new one.',
  },
  'simultaneous-open': {
    title: 'Simultaneous open',
    summary:
      'Both sides connect at once; the SYNs cross and each side goes through SYN_RCVD. Nobody listens.',
  },
  'two-way-handshake': {
    title: 'What if the handshake had two segments?',
    summary:
      'A stale SYN arrives long after the client gave up and opens a phantom connection on the server.',
  },
  'closed-port': {
    title: 'Connect to a closed port',
    summary: 'Nobody listens: the SYN is answered with RST and connect() fails with ECONNREFUSED.',
  },
  abort: {
    title: 'Abort with RST',
    summary:
      'The client resets the connection instead of closing it; no FIN, no TIME_WAIT, and the server sees ECONNRESET.',
  },
} as const;
