// The lab model with version-2 traces (hand-written, src/testing/v2Traces.ts): the listening socket
// as a socket of its own in every view, a new server socket per connection, the application calls
// with their steps, and explanations of every new kind of event, in both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { strictTranslator } from '../testing/words';
import { formatDuration, loadLocale } from '../i18n';
import { explain as enExplain } from '../i18n/locales/en/explain';
import { explain as zhExplain } from '../i18n/locales/zh-CN/explain';
import { newerEvents, resetInHandshake, twoConnections } from '../testing/v2Traces';
import { deriveRun } from './derive';
import { explainerFor, renderExplanation } from './explain';
import type { Explanation } from './explain/explanation';
import { collectStateChanges } from './stateChanges';
import type { Run } from './types';
import { createStepper, knowsListener } from './view';

beforeAll(async () => {
  await loadLocale('zh-CN');
});

const translator = strictTranslator;

const render = (e: Explanation, lang: 'en' | 'zh') =>
  renderExplanation(e, translator({ explain: lang === 'en' ? enExplain : zhExplain }), (ms) =>
    formatDuration(ms, lang === 'en' ? 'en' : 'zh-CN'),
  );

/** Every step's explanation, checked to render in both languages. */
function explained(run: Run): Explanation[] {
  const explainer = explainerFor(run, deriveRun(run));
  return run.causeStarts.map((_, i) => {
    const e = explainer.at(i + 1);
    if (!e) throw new Error(`no explanation for step ${i + 1}`);
    for (const lang of ['en', 'zh'] as const) expect(render(e, lang)).not.toMatch(/\{\w+\}/);
    return e;
  });
}

describe('views with a listening socket', () => {
  const stepper = createStepper(twoConnections);
  const views = Array.from({ length: stepper.stepsCount + 1 }, (_, k) => stepper.viewAt(k));

  it('keeps the listener in LISTEN from listen() to its close, whatever the connections do', () => {
    expect(views.map((v) => v.states.listener)).toEqual([
      'CLOSED',
      ...Array<string>(15).fill('LISTEN'),
      'CLOSED',
    ]);
    expect(views.every((v) => v.listenerKnown)).toBe(true);
    expect(views[1]?.lastTransition.listener).toEqual({
      from: 'CLOSED',
      to: 'LISTEN',
      t: 0,
      rule: 'listen',
    });
    expect(views.at(-1)?.states).toEqual(twoConnections.final);
  });

  it('shows the server CLOSED before and between its connections', () => {
    const server = views.map((v) => v.states.server);
    expect(server.slice(0, 3)).toEqual(['CLOSED', 'CLOSED', 'CLOSED']);
    expect(server[3]).toBe('SYN_RCVD');
    expect(server.slice(11, 13)).toEqual(['CLOSED', 'CLOSED']);
    expect(server[13]).toBe('SYN_RCVD');
  });

  it('marks each connection the listener makes as a new socket', () => {
    const changes = collectStateChanges(twoConnections.events);
    const made = changes.filter((c) => c.newSocket);
    expect(made.map((c) => [c.who, c.from, c.to, c.t])).toEqual([
      ['server', 'LISTEN', 'SYN_RCVD', 101],
      ['server', 'LISTEN', 'SYN_RCVD', 401],
    ]);
    expect(changes.filter((c) => c.who === 'listener').map((c) => c.to)).toEqual([
      'LISTEN',
      'CLOSED',
    ]);
  });

  it('lists the application calls shown at each step', () => {
    const calls = (k: number) =>
      views[k]?.appCalls.map((c) => `${c.who} ${c.call} ${c.result}`) ?? [];
    expect(calls(0)).toEqual([]);
    expect(calls(1)).toEqual(['listener listen ok']);
    expect(calls(3)).toEqual(['listener listen ok']);
    expect(calls(5)).toEqual(['listener listen ok', 'client connect ok', 'server accept ok']);
    expect(calls(16).at(-1)).toBe('listener close ok');
    expect(views[16]?.appCalls.map((c) => c.step)).toEqual([1, 4, 5, 6, 9, 14, 15, 16]);
    // A step that adds no call hands the same array on.
    expect(stepper.viewAt(7).appCalls).toBe(stepper.viewAt(8).appCalls);
  });

  it('does not draw a listener for a run that does not tell it', () => {
    expect(knowsListener(twoConnections)).toBe(true);
    // A capture: segments and inferred states, no actions, no listener.
    const captured: Run = {
      ...twoConnections,
      scenario: { actions: [] },
      events: twoConnections.events.filter((e) => !('who' in e) || e.who !== 'listener'),
    };
    expect(knowsListener(captured)).toBe(false);
    expect(createStepper(captured).viewAt(3).listenerKnown).toBe(false);
    // An engine run nobody listens in: its listener is known to stay CLOSED.
    expect(
      knowsListener({
        events: [],
        scenario: { actions: [{ at: 0, who: 'client', do: 'connect' }] },
      }),
    ).toBe(true);
  });
});

describe('explanations of version-2 traces', () => {
  const rules = (list: Explanation[]) => list.map((e) => e.sentences.map((s) => s.rule));

  it('tells the listener’s story and each new socket', () => {
    const list = explained(twoConnections);
    expect(rules(list)).toEqual([
      ['listen'],
      ['active-open'],
      ['syn-to-listener'],
      ['syn-ack-received'],
      ['handshake-ack', 'accept'],
      ['close-call'],
      ['fin-received', 'ack-at-once'],
      ['fin-acked'],
      ['passive-close'],
      ['fin-received', 'linux-time-wait'],
      ['fin-acked'],
      ['time-wait-takeover', 'active-open'],
      ['syn-to-listener'],
      ['syn-ack-received'],
      ['handshake-ack', 'accept'],
      ['listener-close'],
    ]);
    expect(list[0]?.sentences[0]?.params.who).toBe('server');
    expect(render(list[0]!, 'en')).toContain('listening socket opens in LISTEN and waits');
    expect(render(list[2]!, 'en')).toContain('makes a new socket for this connection');
    expect(render(list[2]!, 'en')).toContain('itself stays in LISTEN');
    expect(render(list[2]!, 'zh')).toContain('新建一个套接字');
    expect(render(list[4]!, 'en')).toContain('accept() returns the new connection');
    expect(render(list[15]!, 'en')).toContain('(LISTEN → CLOSED): no new connection');
    // The takeover's source is a kernel function: shown as the engine's citation.
    expect(list[11]).toMatchObject({ cite: 'linux tcp_twsk_unique()' });
    expect(render(list[11]!, 'en')).toContain('ISN 66539');
    expect(list[0]).toMatchObject({ rfc: 'RFC 9293 §3.10.1' });
    expect(list[0]?.cite).toBeUndefined();
  });

  it('explains the newer events', () => {
    const list = explained(newerEvents);
    expect(rules(list)).toEqual([
      ['listen'],
      ['four-tuple-in-use'],
      ['active-open'],
      ['syn-to-listener'],
      ['syn-ack-received'],
      ['fault'],
      ['send-data'],
      ['handshake-ack', 'accept', 'ack-at-once'],
      ['fault'],
      ['loss-probe-sent'],
      ['out-of-window'],
      ['all-acked'],
      ['paws'],
      [null],
      ['abort-call'],
      ['abort-call'],
      ['no-connection'],
      ['no-connection'],
      ['active-open'],
      ['syn-to-listener'],
      ['fault'],
      ['listener-close', 'listener-drops-embryonic'],
    ]);
    expect(render(list[1]!, 'en')).toMatch(/^connect\(\) fails with EADDRNOTAVAIL/);
    expect(render(list[9]!, 'en')).toContain('seq 1');
    expect(list[12]).toMatchObject({ rfc: 'RFC 7323 §5.3' });
    expect(list[12]?.cite).toBeUndefined();
    expect(render(list[12]!, 'en')).toContain('PAWS');
    expect(render(list[13]!, 'en')).toBe(
      'The ACK segment arrives at the client; the trace shows no reaction to it.',
    );
    expect(render(list[16]!, 'en')).toContain('It is a RST, which is never answered');
    expect(render(list[21]!, 'en')).toContain('(SYN_RCVD), which accept() never returned');
    expect(render(list[21]!, 'zh')).toContain('SYN_RCVD');
  });

  it('says a connection reset in its handshake takes only its own socket', () => {
    const list = explained(resetInHandshake);
    expect(list.at(-1)?.sentences.map((s) => s.rule)).toEqual(['rst-closed', 'rst-embryonic']);
    expect(render(list.at(-1)!, 'en')).toContain('The listening socket is not affected');
  });

  it('names the listener in its own words when it is the subject', () => {
    const e: Explanation = {
      rule: 'no-connection',
      sentences: [
        {
          rule: 'no-connection',
          params: {
            who: 'listener',
            flags: 'ACK',
            noConnection: { fact: 'noConnection.silent' },
            late: '',
          },
        },
      ],
    };
    expect(render(e, 'en')).toBe(
      'The ACK segment finds no connection at the server’s listening socket. It is dropped without an answer.',
    );
    expect(render(e, 'zh')).toContain('服务器的监听套接字');
  });
});
