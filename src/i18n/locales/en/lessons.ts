// Lesson titles, keyed by lesson id (src/scenarios/index.ts LESSON_IDS): bundled with the page for
// the lesson picker. Each lesson's frame (summary, what it shows, the moment to watch for, the
// takeaway) is in ./lessonFrames.ts, loaded after the first diagram.

export const lessons = {
  'client-closes-first': {
    title: 'Client closes first',
  },
  'server-closes-first': {
    title: 'Server closes first',
  },
  'half-close': {
    title: 'Half-close: data after the first FIN',
  },
  'delayed-ack-close': {
    title: 'Three-segment close (Linux, delayed ACK)',
  },
  'simultaneous-close': {
    title: 'Simultaneous close',
  },
  'lost-syn': {
    title: 'Lost SYN',
  },
  'lost-syn-ack': {
    title: 'Lost SYN+ACK',
  },
  'lost-final-ack': {
    title: 'Lost final ACK',
  },
  'no-time-wait': {
    title: 'What if there were no TIME_WAIT?',
  },
  'reuse-with-time-wait': {
    title: 'Port reuse refused by TIME_WAIT',
  },
  'reuse-timestamps': {
    title: 'Port reuse on Linux: timestamps protect the new connection',
  },
  'reuse-without-time-wait': {
    title: 'What if a port could be reused during TIME_WAIT?',
  },
  'simultaneous-open': {
    title: 'Simultaneous open',
  },
  'two-way-handshake': {
    title: 'What if the handshake had two segments?',
  },
  'closed-port': {
    title: 'Connect to a closed port',
  },
  abort: {
    title: 'Abort with RST',
  },
} as const;
