// Each lesson's frame, keyed by lesson id: a one-line summary, what it shows (after the summary),
// the moment to watch for (the page links it to the step where the engine's rule in
// src/scenarios/all.ts `watch` fires) and the takeaway. Each sentence is checked against the
// lesson's run (src/lab/watch.test.ts). Loaded with the lesson frame, after the first diagram.

export const lessonFrames = {
  'client-closes-first': {
    summary:
      'The usual life of a connection: three-way handshake, a little data, four-way close, and the client waits in TIME_WAIT.',
    shows:
      'The client is the active closer: it passes through FIN_WAIT_1 and FIN_WAIT_2, while the server goes through CLOSE_WAIT and LAST_ACK.',
    watch:
      'The server’s FIN arrives and the client acknowledges it: the client, the side that closed first, enters TIME_WAIT and stays there for 2·MSL.',
    takeaway:
      'TIME_WAIT belongs to whichever side closes first; the other side is done as soon as its own FIN is acknowledged.',
  },
  'server-closes-first': {
    summary:
      'The server answers and closes first, like a web server after a response, so the server is the one left in TIME_WAIT.',
    shows:
      'Now the server is the active closer: it goes through FIN_WAIT_1 and FIN_WAIT_2, and the client through CLOSE_WAIT and LAST_ACK.',
    watch:
      'The client’s FIN arrives and the server acknowledges it: the server, not the client, enters TIME_WAIT.',
    takeaway:
      'A server that closes first is left with a connection in TIME_WAIT, for 2·MSL, for every connection it closes.',
  },
  'half-close': {
    summary:
      'The client shuts down its sending side; the server keeps sending from CLOSE_WAIT until it closes too.',
    shows: 'shutdown() sends a FIN but leaves the client’s receiving direction open.',
    watch:
      'After acknowledging the client’s FIN, the server, now in CLOSE_WAIT, still sends data, and the client in FIN_WAIT_2 acknowledges it.',
    takeaway:
      'A FIN closes only its sender’s direction: the other one stays open until that side closes too, which is why a close takes a FIN and an ACK each way.',
  },
  'delayed-ack-close': {
    summary:
      'Linux delays the ACK of the FIN; the server closes in the meantime, and its FIN carries the ACK.',
    shows:
      'This lesson runs with Linux’s behaviour, and the server’s application closes as soon as it reads the end of the stream.',
    watch:
      'The client’s FIN arrives: the server holds its ACK back on the delayed-ACK timer, its application closes at once, and the server’s FIN goes out carrying the acknowledgement.',
    takeaway:
      'An ACK and a FIN going the same way can share a segment: the close takes three segments instead of four, and both FINs are still acknowledged.',
  },
  'simultaneous-close': {
    summary:
      'Both sides close at once, their FINs cross, and both pass through CLOSING into TIME_WAIT.',
    shows: 'Neither side has seen the other’s FIN when it sends its own.',
    watch:
      'The FINs cross: each side receives the other’s FIN while still in FIN_WAIT_1, acknowledges it and goes to CLOSING, then to TIME_WAIT once its own FIN is acknowledged.',
    takeaway: 'When both sides close first, both are active closers, and both wait in TIME_WAIT.',
  },
  'lost-syn': {
    summary:
      'The first SYN is lost; the client retransmits it after one second and the handshake completes late.',
    shows:
      'Only the client can repair this loss: the server never saw the SYN, so it has nothing to retransmit.',
    watch:
      'Nothing comes back, so when the client’s retransmission timer expires, one second after the first SYN, the client sends the SYN again and doubles its timer.',
    takeaway:
      'A lost SYN costs a whole retransmission timeout, one second at first and doubling with each retry: the connection opens late, but it opens.',
  },
  'lost-syn-ack': {
    summary: 'The server’s SYN+ACK is lost; both sides retransmit until the handshake completes.',
    shows:
      'The SYN did arrive, so both sides are now waiting: the client in SYN_SENT, the server in SYN_RCVD.',
    watch:
      'About one second later both retransmission timers expire: the client sends its SYN again and the server its SYN+ACK, and the server’s copy completes the handshake.',
    takeaway:
      'During the handshake both sides keep a retransmission timer. Under RFC 9293 the server’s own timer repairs a lost SYN+ACK, and a repeated SYN only draws a bare ACK; Linux (the linux profile) answers the repeated SYN with the SYN+ACK at once.',
  },
  'lost-final-ack': {
    summary:
      'The last ACK is lost; the server retransmits its FIN and the client, still in TIME_WAIT, acknowledges it again.',
    shows:
      'The client closes first, and the network loses its very last ACK, the one that answers the server’s FIN.',
    watch:
      'The server, still in LAST_ACK, retransmits its FIN; the client, still in TIME_WAIT, acknowledges it again and restarts its 2·MSL timer.',
    takeaway:
      'TIME_WAIT keeps the side that closed first able to acknowledge a retransmitted FIN, so the other side’s close still ends cleanly when the last ACK is lost.',
  },
  'no-time-wait': {
    summary:
      'The same lost ACK, but the client has already forgotten the connection: the retransmitted FIN meets RST.',
    shows:
      'A what-if: real stacks must wait in TIME_WAIT, but here the client forgets the connection as soon as it sends the last ACK, and that ACK is lost.',
    watch:
      'The server’s retransmitted FIN finds no connection on the client, which answers it with RST: the server leaves LAST_ACK on a reset instead of an acknowledgement.',
    takeaway:
      'Without TIME_WAIT, a single lost ACK turns the other side’s orderly close into a reset.',
  },
  'reuse-with-time-wait': {
    summary:
      'Reconnecting from the same port without SO_REUSEADDR fails with EADDRINUSE while TIME_WAIT holds it, so a stray old segment finds no connection to harm.',
    shows:
      'A fast transfer whose last data segment is held up in the network (and retransmitted), a close, and at once a second connect() from the same port, without SO_REUSEADDR.',
    watch:
      'The second connect() fails with EADDRINUSE: the old connection still holds the port in TIME_WAIT. When the delayed segment finally arrives, no connection takes it: the server’s listener answers with RST, which the client’s TIME_WAIT discards.',
    takeaway:
      'While TIME_WAIT holds the port pair, no new connection can use it, so a late segment of the old connection has nothing to corrupt.',
  },
  'reuse-timestamps': {
    summary:
      'With SO_REUSEADDR, Linux takes over the TIME_WAIT connection because it used timestamps: the new one starts far beyond the old sequence numbers, and PAWS discards the stray old segment.',
    shows:
      'Linux lets connect() take the 4-tuple over from TIME_WAIT because the old connection used timestamps (tcp_twsk_unique()), and starts the new connection at the old SND.NXT + 65537.',
    watch:
      'The delayed segment of the old connection arrives during the new one; its timestamp is older than the last one the server has seen, so PAWS discards it and the server only answers with an ACK.',
    takeaway:
      'Linux reuses a 4-tuple still in TIME_WAIT only when the old connection used timestamps, so that PAWS can reject its late segments.',
  },
  'reuse-without-time-wait': {
    summary:
      'What real stacks prevent: the port is taken over during TIME_WAIT with no protection, and a delayed segment of the old connection is accepted as new data by the new one.',
    shows:
      'A what-if: connect() takes the 4-tuple from TIME_WAIT with none of the protections real stacks demand, and the new initial sequence number falls inside the old connection’s sequence numbers.',
    watch:
      'The delayed segment of the old connection arrives after the new handshake; its bytes fall in the new connection’s window, so the server accepts them as new data and acknowledges bytes the client never sent.',
    takeaway:
      'Sequence numbers alone cannot tell two incarnations of a connection apart: TIME_WAIT, or timestamps with PAWS, keeps old segments out of a new connection.',
  },
  'simultaneous-open': {
    summary:
      'Both sides connect at once; the SYNs cross and each side goes through SYN_RCVD. Nobody listens.',
    shows: 'Each side calls connect() to the other at the same moment.',
    watch:
      'Each SYN reaches a side that is itself in SYN_SENT: it answers with a SYN+ACK and goes to SYN_RCVD, and each SYN+ACK then completes the other side’s handshake.',
    takeaway:
      'Two active opens make one connection, with four segments and no listener: both connect() calls succeed.',
  },
  'two-way-handshake': {
    summary:
      'A stale SYN arrives long after the client gave up and opens a phantom connection on the server.',
    shows:
      'A what-if: the client’s SYN is held up in the network so long that the client gives up (ETIMEDOUT) before it arrives.',
    watch:
      'The stale SYN reaches the server; with two segments the server counts the connection as open as soon as it sends its SYN+ACK, and accept() returns a connection the client never made.',
    takeaway:
      'A two-segment handshake cannot tell a stale SYN from a new one: the client’s RST removes the phantom only after the server has accepted it, which is why TCP waits for a third segment.',
  },
  'closed-port': {
    summary: 'Nobody listens: the SYN is answered with RST and connect() fails with ECONNREFUSED.',
    shows:
      'The answer comes from the server’s TCP itself: no application is there to take the SYN.',
    watch:
      'The server’s TCP answers the SYN with RST+ACK, acknowledging the SYN so that the client accepts the reset; the client leaves SYN_SENT and connect() fails with ECONNREFUSED.',
    takeaway:
      'A RST in answer to a SYN is a definite no: connect() fails at once instead of sending the SYN again.',
  },
  abort: {
    summary:
      'The client resets the connection instead of closing it; no FIN, no TIME_WAIT, and the server sees ECONNRESET.',
    shows:
      'An application aborts by setting SO_LINGER to {on, 0} (l_onoff = 1, l_linger = 0) and calling close(): TCP then sends a RST instead of a FIN.',
    watch:
      'The client aborts: it sends one RST and goes straight from ESTABLISHED to CLOSED; the server drops its connection as soon as the RST arrives, and its next send() fails with ECONNRESET.',
    takeaway:
      'A RST ends a connection at once, in both directions: no FIN, no acknowledgement, no TIME_WAIT, and data not yet delivered is thrown away.',
  },
} as const;
