// Predict mode's words (a lazy namespace, loaded with the predict panel; see ../../core.ts).

export const predicting = {
  title: 'Predict',
  toggle: 'Predict mode',
  intro:
    'Before each segment that starts a phase, say what it will be. Then the step plays and shows whether you were right.',
  question: 'What does the {side} send next?',
  questionPhase: {
    syn: 'It opens the connection.',
    'syn-ack': 'It answers a connection request.',
    'handshake-ack': 'It answers the SYN+ACK.',
    fin: 'It closes its direction.',
    'fin-ack': 'It answers a FIN.',
    rst: 'Something is wrong with the connection.',
    retransmission: 'A timer has run out.',
  },
  flags: 'Flags',
  flagPressed: '{flag} set',
  numbers: 'Numbers ({numbering})',
  relative: 'relative to each side’s ISN',
  absolute: 'as on the wire',
  seq: 'seq',
  ack: 'ack',
  noAck: 'no ACK number (no ACK flag)',
  states: 'States after this step',
  stateOf: '{side}',
  choose: '(choose)',
  submit: 'Check my answer',
  reveal: 'I don’t know, show me',
  score: 'Score',
  scoreValue: '{right} / {asked}',
  scoreLabel: '{right} of {asked} answers right',
  kinds: {
    flags: 'flags',
    numbers: 'seq and ack',
    states: 'states',
    choice: 'the lesson’s questions',
  },
  kindScore: '{kind}: {right} / {asked}',

  right: 'Right',
  wrong: 'Not quite',
  revealed: 'Shown',
  yours: 'you said {answer}',
  correct: 'correct: {answer}',
  none: 'nothing',
  noAckValue: 'no ACK',
  resultFor: 'Your prediction of step {step}',
  announceRight: 'Right: {kinds}.',
  announceWrong: 'Not right: {kinds}.',
  attempt: 'Numbers of attempt {seed}',
  attemptHelp: 'A teacher can give a class the same numbers with attempt={seed} in the link.',
  tryAgain: 'Try again with new numbers',
  summary: 'Your predictions',
  summaryIntro: '{right} of {asked} answers right in this lesson.',
  setTotal: 'Exercise total: {right} / {asked}',
  goToStep: 'Step {step}',
  nextLesson: 'Next lesson: {title}',
  setDone: 'Exercise set finished.',
  phase: {
    syn: 'SYN',
    'syn-ack': 'SYN+ACK',
    'handshake-ack': 'handshake ACK',
    fin: 'FIN',
    'fin-ack': 'ACK of a FIN',
    rst: 'RST',
    retransmission: 'retransmission',
  },
  waiting: 'Answer the question to see the next step.',
  lessons: {
    'client-closes-first': {
      'last-ack': {
        prompt: 'The server’s FIN is arriving at the client. What happens at this step?',
        choices: {
          'time-wait': 'The client acknowledges it and enters TIME_WAIT',
          closed: 'The client acknowledges it and is closed at once',
          fin: 'The client sends a FIN of its own',
        },
      },
    },
    'lost-syn': {
      next: {
        prompt: 'The client’s SYN never arrived. What happens next?',
        choices: {
          retransmit: 'The client’s retransmission timer expires and it sends the SYN again',
          'give-up': 'connect() gives up at once and the client is CLOSED again',
          'server-rst': 'The server notices and sends a RST',
        },
      },
    },
    'lost-syn-ack': {
      'who-first': {
        prompt: 'The server’s SYN+ACK was lost. What happens at this step?',
        choices: {
          client: 'The client, whose SYN was never answered, sends its SYN again',
          server: 'The server sends its SYN+ACK again',
          abandon: 'The client gives up and is CLOSED',
        },
      },
    },
    'lost-final-ack': {
      'server-waits': {
        prompt: 'The client’s last ACK was lost. What does the server do?',
        choices: {
          'fin-again': 'Its retransmission timer expires and it sends its FIN again',
          closes: 'It closes anyway: LAST_ACK → CLOSED',
          rst: 'It resets the connection with a RST',
        },
      },
    },
    'reuse-with-time-wait': {
      'old-segment': {
        prompt:
          'A late segment of the connection arrives after the server has closed its side. What does the server do?',
        choices: {
          rst: 'It answers with a RST: no connection owns the segment any more',
          ack: 'It acknowledges the bytes',
          silent: 'It drops the segment without a word',
        },
      },
    },
  },
} as const;
