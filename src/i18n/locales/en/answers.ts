// Answer cards: the questions learners ask about opening, closing and resetting, answered in a few
// sentences each, accurate to RFC 9293 and to Linux where it differs. One entry per AnswerId
// (src/i18n), in the order the page lists them. `answer` holds paragraphs; other locales keep the
// same count.

export const answers = {
  'why-three': {
    question: 'Why does opening take three segments and not two?',
    answer: [
      'Each side picks its own initial sequence number (ISN) and has to tell the other. The client’s SYN carries its ISN; the server’s SYN+ACK carries the server’s ISN and acknowledges the client’s. Only the third segment, the client’s ACK, tells the server that its own ISN arrived, so both directions are synchronized.',
      'The deeper reason is old duplicates: a SYN from an earlier attempt can wander the network and arrive late. With only two segments the server would treat that stale SYN as a new connection and start sending; with three, the client sees that the SYN+ACK answers a SYN it never sent now and replies with RST, and the server goes back to LISTEN.',
      'So the handshake is not a test of whether each side “can send and receive”: it is how both sides agree on sequence numbers safely.',
    ],
    rfc: 'RFC 9293 §3.5 (Figure 8), §3.4.1',
  },
  'why-four': {
    question: 'Why does closing take four segments?',
    answer: [
      'A TCP connection is two independent byte streams, one in each direction, and each is closed on its own: a FIN means “I have no more data to send”, nothing more. Each FIN must be acknowledged, so two directions make two FINs and two ACKs.',
      'The side that receives the first FIN acknowledges it at once, but it cannot send its own FIN yet: its application may still have data to send. The connection is then half-closed, and the second FIN only goes when that application calls close().',
      'When the application closes right away, the ACK and the FIN can travel in one segment, and you see three segments instead of four.',
    ],
    rfc: 'RFC 9293 §3.6, §3.6.1',
  },
  'why-2msl': {
    question: 'Why does TIME_WAIT last 2·MSL?',
    answer: [
      'The side that closes first sends the very last ACK, and nothing acknowledges an ACK. If it is lost, the other side retransmits its FIN; a side still in TIME_WAIT can answer with the ACK again (and restarts its timer), whereas a side that had already forgotten the connection would answer with RST.',
      'TIME_WAIT also keeps the same pair of addresses and ports from being reused too soon. One MSL lets any segment of the old connection still travelling die out; the second covers an answer to it coming back. After 2·MSL no segment of the old connection can still be in the network to be mistaken for part of a new one.',
      'RFC 9293 requires the active closer to stay in TIME_WAIT for 2·MSL.',
    ],
    rfc: 'RFC 9293 §3.6.1 (MUST-13), §3.4.1, §3.10.7.4',
  },
  'what-msl': {
    question: 'What is the MSL?',
    answer: [
      'MSL, the maximum segment lifetime, is the longest time TCP assumes a segment can survive in the network before it is discarded. It is an agreed assumption, not something the network measures: the IP TTL field mostly limits the number of hops, not seconds.',
      'RFC 9293 takes the MSL to be 2 minutes, which makes TIME_WAIT 4 minutes, and calls this an engineering choice. Linux does not use a configurable MSL: its TIME_WAIT is a fixed 60 seconds (TCP_TIMEWAIT_LEN). The often-tuned tcp_fin_timeout is a different timer, for FIN_WAIT_2.',
      'In this lab you can change the MSL to see how it stretches TIME_WAIT.',
    ],
    rfc: 'RFC 9293 §3.4.2, §3.6.1',
  },
  'so-reuseaddr': {
    question: 'What does SO_REUSEADDR change?',
    answer: [
      'To connect again from the same port, a client first binds that port, and while its old connection sits in TIME_WAIT, bind() fails with EADDRINUSE. SO_REUSEADDR lets bind() succeed (servers set it to restart at once on their well-known port).',
      'Whether connect() may then use the old address and port pair again is the stack’s decision. RFC 9293 refuses, because that connection still exists: connect() fails with EADDRNOTAVAIL. Linux takes over the TIME_WAIT connection only if it used TCP timestamps (tcp_twsk_unique()): the new connection starts at the old SND.NXT + 65537, and PAWS discards old duplicates by their older timestamps; without timestamps connect() fails with EADDRNOTAVAIL as well.',
      'Without these protections a delayed segment of the old connection could land in the new one, which is what TIME_WAIT is there to prevent.',
    ],
    rfc: 'RFC 9293 §3.10.1, §3.4.1, §3.6.1; RFC 7323 §5',
  },
  'delayed-ack-close': {
    question: 'Why can closing take only three segments on Linux?',
    answer: [
      'RFC 9293 lets a receiver delay an ACK for a short while (less than 0.5 s) in the hope of sending it together with something else.',
      'Linux does this with the ACK for a FIN: when the FIN arrives, the ACK is held back on the delayed-ACK timer. If the application calls close() before the timer fires, the server’s own FIN carries the acknowledgment, and the close becomes FIN, FIN+ACK, ACK.',
      'Nothing is skipped: both FINs are still acknowledged, just with one segment fewer. If the application is slow to close, the timer fires and you see the usual four segments.',
    ],
    rfc: 'RFC 9293 §3.8.6.3, §3.6',
  },
  rst: {
    question: 'When is a RST sent, and why is it never acknowledged?',
    answer: [
      'A stack sends a RST when a segment cannot belong to any connection it has: a segment to a port nobody listens on or for a connection that no longer exists (a SYN+ACK answering a SYN the client has given up on among them), or, in a state not yet synchronized, an ACK of something it never sent. An application asks for one with abort(), which a socket program gets by calling close() after setting SO_LINGER to {on, 0} (l_onoff = 1, l_linger = 0); on Linux, close() with unread data still waiting to be read sends one too.',
      'The receiver checks the RST’s sequence number before believing it: in SYN_SENT the RST must acknowledge the SYN; in any other state it must lie in the receive window, and with RFC 5961 only a RST at exactly RCV.NXT resets, while one elsewhere in the window draws a challenge ACK. A valid RST in SYN_RCVD drops a connection that came from a listener, and the listener goes on listening (back to LISTEN, in RFC 9293’s words); in any other state the connection is dropped at once, and the application sees ECONNRESET, or ECONNREFUSED for a connect() still in SYN_SENT.',
      'Nothing acknowledges a RST: it carries no data and takes no sequence number, there is no connection left to acknowledge it from, and a RST is never answered, not even with another RST. It is not retransmitted either: if it is lost, the peer’s next segment reaches a stack with no connection and draws a fresh RST.',
    ],
    rfc: 'RFC 9293 §3.5.2, §3.5.3, §3.10.7; RFC 5961 §3',
  },
} as const;
