import { expect, test, type Page } from '@playwright/test';
import { encodeScenarioParam } from '../src/lab/shareLink';
import { counterOf, openLab, watchErrors } from './helpers/page';

// The sockets as they are (CONTRACT.md sections 0.1 and 0.8): the server's listening socket has a
// state of its own (`state-listener`), each connection the server accepts is a new socket (its
// state CLOSED between connections), and every application call is drawn on its lifeline
// (`app-call`, with `data-who`, `data-call`, `data-result`), shown only up to the step shown.

/** What the hooks show after pressing step-forward until the counter reads `step / total`. */
interface Shown {
  listener: string | null;
  server: string | null;
  client: string | null;
  calls: string[];
  newSockets: number;
}

/** Steps forward once (as a click would) and reads the hooks, in one round trip. */
async function stepAndRead(page: Page, want: string): Promise<Shown> {
  return page.evaluate(async (counter) => {
    const q = (id: string) => document.querySelector(`[data-testid="${id}"]`);
    const text = () => (q('step-counter')?.textContent ?? '').trim();
    const button = q('step-forward');
    if (!(button instanceof HTMLButtonElement)) throw new Error('no step-forward button');
    button.click();
    const start = performance.now();
    while (text() !== counter) {
      if (performance.now() - start > 10_000) throw new Error(`counter reads ${text()}`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    const state = (id: string) => q(id)?.getAttribute('data-state') ?? null;
    return {
      listener: state('state-listener'),
      server: state('state-server'),
      client: state('state-client'),
      calls: [...document.querySelectorAll('[data-testid="app-call"]')].map(
        (el) =>
          `${el.getAttribute('data-who')} ${el.getAttribute('data-call')} ${el.getAttribute('data-result')}`,
      ),
      newSockets: document.querySelectorAll('[data-testid="new-socket"]').length,
    };
  }, want);
}

/** Every step's hooks, from step 1 to the end. */
async function walk(page: Page, total: number): Promise<Shown[]> {
  const shown: Shown[] = [];
  for (let k = 1; k <= total; k++) shown.push(await stepAndRead(page, `${k} / ${total}`));
  return shown;
}

/**
 * Two connections through one listener (Linux): the client closes the first, tries to reconnect
 * from its port while TIME_WAIT holds it (bind() fails: EADDRINUSE), then reconnects with
 * SO_REUSEADDR (the old connection used timestamps, so Linux lets it take the pair over), and the
 * server finally closes its listening socket.
 */
const twoConnections = {
  title: 'Two connections, one listener',
  profile: 'linux',
  client: { port: 40000, isn: 1000 },
  server: { port: 8080, isn: 5000 },
  actions: [
    { at: 0, who: 'server', do: 'listen' },
    { at: 100, who: 'client', do: 'connect' },
    { after: 'connected', delayMs: 50, who: 'client', do: 'close' },
    { after: 'eof', delayMs: 10, who: 'server', do: 'close' },
    { at: 500, who: 'client', do: 'connect' },
    { at: 1000, who: 'client', do: 'connect', reuse: true },
    { at: 2000, who: 'server', do: 'close', socket: 'listener' },
  ],
};

test.describe('sockets and application calls', () => {
  test('the default lesson: the listener listens throughout, each call on its lifeline', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, 'lang=en');
    // Before anything: nobody listens, nothing was called.
    await expect(page.getByTestId('state-listener')).toHaveAttribute('data-state', 'CLOSED');
    await expect(page.getByTestId('app-call')).toHaveCount(0);

    const steps = await walk(page, total);
    // Step 1 is listen(): the listener opens, the server has no connection yet.
    expect(steps[0]).toMatchObject({ listener: 'LISTEN', server: 'CLOSED', newSockets: 0 });
    expect(steps[0]?.calls).toEqual(['listener listen ok']);
    // LISTEN from then on, whatever the connection does.
    expect(steps.map((s) => s.listener)).toEqual(steps.map(() => 'LISTEN'));
    // The SYN makes the connection's socket: one new socket, from SYN_RCVD.
    const made = steps.findIndex((s) => s.newSockets === 1);
    expect(made).toBeGreaterThan(0);
    expect(steps[made]?.server).toBe('SYN_RCVD');
    expect(steps[made - 1]?.server).toBe('CLOSED');

    const last = steps.at(-1)!;
    for (const call of ['listener listen ok', 'client connect ok', 'server accept ok']) {
      expect(last.calls).toContain(call);
    }
    expect(last.calls).toEqual(
      expect.arrayContaining(['client send ok', 'client close ok', 'server close ok']),
    );
    // Calls appear only once their step is shown: one more at a time, never fewer.
    for (let k = 1; k < steps.length; k++) {
      expect(steps[k]!.calls.slice(0, steps[k - 1]!.calls.length)).toEqual(steps[k - 1]!.calls);
    }
    // connect() returns with the SYN+ACK, accept() once the handshake is complete.
    const connected = steps.findIndex((s) => s.calls.includes('client connect ok'));
    const accepted = steps.findIndex((s) => s.calls.includes('server accept ok'));
    expect(steps[connected]?.client).toBe('ESTABLISHED');
    expect(steps[accepted]?.server).toBe('ESTABLISHED');
    expect(accepted).toBeGreaterThan(connected);

    // Each tag names its call to assistive technology.
    const accept = page.locator('[data-testid="app-call"][data-call="accept"]');
    await expect(accept).toHaveAttribute(
      'aria-label',
      /^Server application: accept\(\) returns ok/,
    );
    // Back to the start: the tags go with their steps.
    await page.getByTestId('reset').click();
    await expect(page.getByTestId('app-call')).toHaveCount(0);
    expect(errors).toEqual([]);
  });

  test('two connections: a new socket for each, CLOSED between them, the listener to its close', async ({
    page,
  }) => {
    const errors = watchErrors(page);
    const total = await openLab(page, `s=${encodeScenarioParam(twoConnections)}&lang=en`);
    await expect(page.getByTestId('error')).toHaveCount(0);
    const steps = await walk(page, total);

    const made = steps.map((s) => s.newSockets);
    expect(Math.max(...made)).toBe(2);
    const first = made.indexOf(1);
    const second = made.indexOf(2);
    expect(steps[first]?.server).toBe('SYN_RCVD');
    expect(steps[second]?.server).toBe('SYN_RCVD');
    // Between its connections the server has none: CLOSED, while the listener listens on.
    const between = steps.slice(first, second);
    const gap = between.filter((s) => s.server === 'CLOSED');
    expect(gap.length).toBeGreaterThan(0);
    for (const s of between) expect(s.listener).toBe('LISTEN');
    expect(steps[second - 1]?.server).toBe('CLOSED');

    const last = steps.at(-1)!;
    expect(last.listener).toBe('CLOSED');
    // Both connections carry on after the listener closed: they are sockets of their own.
    expect(last.server).toBe('ESTABLISHED');
    expect(last.calls).toEqual([
      'listener listen ok',
      'client connect ok',
      'server accept ok',
      'client close ok',
      'server close ok',
      'client connect EADDRINUSE',
      'client connect ok',
      'server accept ok',
      'listener close ok',
    ]);
    // The refused call reads as an error, and says its result.
    const refused = page.locator('[data-testid="app-call"][data-result="EADDRINUSE"]');
    await expect(refused).toHaveCount(1);
    await expect(refused).toHaveClass(/dg-call--failed/);
    await expect(refused).toContainText('connect() → EADDRINUSE');
    expect(errors).toEqual([]);
  });

  test('the Linux port-reuse lesson: two accepted connections, the server CLOSED between', async ({
    page,
  }) => {
    const total = await openLab(page, 'lesson=reuse-timestamps&lang=en');
    const steps = await walk(page, total);
    expect(steps.map((s) => s.listener)).toEqual(steps.map(() => 'LISTEN'));
    const accepts = steps.at(-1)!.calls.filter((c) => c === 'server accept ok');
    expect(accepts).toHaveLength(2);
    const second = steps.findIndex((s) => s.newSockets === 2);
    expect(steps[second - 1]?.server).toBe('CLOSED');

    // The reconnect takes the pair over from TIME_WAIT: a Linux rule, cited as the engine gives it.
    const takeover = steps.findIndex(
      (s, k) => k > 0 && steps[k - 1]?.client === 'TIME_WAIT' && s.client === 'SYN_SENT',
    );
    expect(takeover).toBeGreaterThan(0);
    await openLab(page, `lesson=reuse-timestamps&lang=en&step=${takeover + 1}`);
    await expect(page.getByTestId('explanation-text')).toContainText('take the four-tuple over');
    await expect(page.getByTestId('explanation-cite')).toHaveText('linux tcp_twsk_unique()');
  });

  test('says “new socket” in Chinese, and keeps the listener’s hook in the compact layout', async ({
    page,
  }) => {
    const total = await openLab(page, 'lang=zh');
    for (let k = 1; k <= 3; k++) {
      await page.getByTestId('step-forward').click();
      await expect(page.getByTestId('step-counter')).toHaveText(`${k} / ${total}`);
    }
    await expect(page.getByTestId('new-socket')).toHaveCount(1);
    await expect(page.getByTestId('state-server')).toHaveAttribute('data-state', 'SYN_RCVD');
    await expect(page.getByTestId('new-socket').locator('text')).toHaveText('新套接字');

    // The compact layout is narrow: the mark keeps its words in its title, the hook is there.
    await openLab(page, 'lang=zh&embed=1');
    await expect(page.getByTestId('state-listener')).toHaveAttribute('data-state', 'CLOSED');
    await page.getByTestId('step-forward').click();
    await expect(page.getByTestId('state-listener')).toHaveAttribute('data-state', 'LISTEN');
    await expect(page.getByTestId('state-listener')).toBeVisible();
  });
});

test.describe('errors on the lifelines', () => {
  /** The x of the lifeline of `who` and of a tag's tie, in CSS pixels. */
  async function centreX(page: Page, selector: string): Promise<number> {
    const box = await page.locator(selector).first().boundingBox();
    if (!box) throw new Error(`${selector} is not drawn`);
    return box.x + box.width / 2;
  }

  const cases = [
    { lesson: 'closed-port', who: 'client', call: 'connect', result: 'ECONNREFUSED' },
    { lesson: 'abort', who: 'server', call: 'send', result: 'ECONNRESET' },
  ] as const;

  for (const { lesson, who, call, result } of cases) {
    test(`${lesson}: ${call}() → ${result} on the ${who}’s lifeline, in the error style`, async ({
      page,
    }) => {
      const errors = watchErrors(page);
      const total = await openLab(page, `lesson=${lesson}&lang=en&theme=light&step=999`);
      await expect(counterOf(page)).toHaveText(`${total} / ${total}`);
      const tag = page.locator(
        `[data-testid=app-call][data-who=${who}][data-call=${call}][data-result=${result}]`,
      );
      await expect(tag).toHaveCount(1);
      await expect(tag).toBeVisible();
      await expect(tag.locator('text')).toContainText(result);
      await expect(tag).toHaveClass(/dg-call--failed/);
      // Tied to its own socket's line.
      const line = await centreX(page, `[data-testid=lifeline-${who}] line`);
      const tie = await centreX(page, `[data-testid=app-call][data-result=${result}] .dg-call-tie`);
      expect(Math.abs(line - tie)).toBeLessThan(1.5);
      // Visibly an error: bold, in the danger colour (red in the light theme).
      const look = await tag.locator('text').evaluate((el) => {
        const style = getComputedStyle(el);
        const [r = 0, g = 0, b = 0] = (style.fill.match(/\d+/g) ?? []).map(Number);
        return { weight: style.fontWeight, red: r > g + 60 && r > b + 60 };
      });
      expect(look).toEqual({ weight: '700', red: true });
      expect(errors).toEqual([]);
    });
  }
});
