// The export menu's words and the Markdown handout's (a lazy namespace, see ../../core.ts).

export const exporting = {
  menu: {
    open: 'Export',
    theme: 'Colours',
    themes: {
      current: 'As shown',
      light: 'Light',
      dark: 'Dark',
    },
    diagram: 'The diagram at step {n}',
    svg: 'Diagram as SVG',
    png: 'Diagram as PNG (2×)',
    run: 'The whole run',
    trace: 'Trace as JSON',
    markdown: 'Steps as Markdown',
    pcap: 'Save as .pcap (Wireshark)',
    busy: 'Preparing the file…',
    done: 'Saved {file}.',
    failed: 'Could not export: {reason}',
    tooManyArrows:
      'this step shows {count} arrows, more than one image holds ({max}). Export an earlier step, or save the run as a trace, steps or a .pcap.',
  },
  markdown: {
    title: '{app}: {lesson}',
    changed: 'Changed from the lesson',
    unchanged: 'Options as in the lesson',
    droppedByHand: 'Segments dropped by hand: {count}',
    on: 'on',
    off: 'off',
    steps: 'Step by step',
    after: 'After it: client {client}, server {server}',
    final: 'At the end: client {client}, server {server}.',
    footer: 'Made with Handshake Lab; the behaviour follows RFC 9293.',
  },
} as const;
