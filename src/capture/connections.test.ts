import { describe, expect, it } from 'vitest';
import { findConnections } from './connections';
import { captureOf, tcp, type HostPort } from '../testing/captureFiles';
import { KERNEL_CAPTURES, readKernelCapture } from '../testing/kernelCaptures';

const A: HostPort = { address: '10.0.0.1', port: 40000 };
const B: HostPort = { address: '10.0.0.2', port: 80 };
const A2: HostPort = { address: '10.0.0.1', port: 40001 };
const C: HostPort = { address: '10.0.0.3', port: 50000 };

/** A whole connection from `c` to `s`: handshake, 5 bytes, client closes. */
function wholeConnection(t: number, c: HostPort, s: HostPort, cIsn: number, sIsn: number) {
  return [
    tcp(t, c, s, 'S', cIsn),
    tcp(t + 1, s, c, 'SA', sIsn, cIsn + 1),
    tcp(t + 2, c, s, 'A', cIsn + 1, sIsn + 1),
    tcp(t + 3, c, s, 'PA', cIsn + 1, sIsn + 1, 5),
    tcp(t + 4, s, c, 'A', sIsn + 1, cIsn + 6),
    tcp(t + 5, c, s, 'FA', cIsn + 6, sIsn + 1),
    tcp(t + 6, s, c, 'FA', sIsn + 1, cIsn + 7),
    tcp(t + 7, c, s, 'A', cIsn + 7, sIsn + 2),
  ];
}

describe('findConnections on the shared kernel captures', () => {
  for (const name of KERNEL_CAPTURES) {
    it(`finds the one connection of ${name}`, () => {
      const { file, expected } = readKernelCapture(name);
      const connections = findConnections(file);
      expect(connections).toHaveLength(1);
      const [connection] = connections;
      expect(connection).toMatchObject({
        id: 0,
        client: { address: '127.0.0.1', port: expected.client_port },
        server: { address: '127.0.0.1', port: expected.server_port },
        ipVersion: 4,
        startedBeforeCapture: false,
        ending: name === 'rst-closed-port' ? 'rst' : 'fin',
      });
      expect(connection?.segments).toHaveLength(expected.segments.length);
      expect(connection?.endMs).toBeGreaterThan(connection?.startMs ?? Infinity);
    });
  }
});

describe('findConnections', () => {
  it('untangles interleaved connections and sorts them by start', () => {
    const one = wholeConnection(10, A, B, 1000, 5000);
    const two = wholeConnection(10.5, A2, B, 2000, 6000);
    const three = wholeConnection(0, C, B, 3000, 7000);
    // Every segment of the three, merged by time.
    const merged = [...one, ...two, ...three].sort((x, y) => x.timeMs - y.timeMs);
    const file = captureOf(merged);
    const connections = findConnections(file);
    expect(connections.map((c) => [c.id, c.client.port, c.segments.length, c.ending])).toEqual([
      [0, 50000, 8, 'fin'],
      [1, 40000, 8, 'fin'],
      [2, 40001, 8, 'fin'],
    ]);
    for (const connection of connections) {
      for (const index of connection.segments) {
        const seg = file.segments[index];
        expect([seg?.srcPort, seg?.dstPort]).toContain(connection.client.port);
      }
      expect(connection.server).toEqual(B);
    }
  });

  it('starts a new incarnation when the port is reused while the last one is in TIME_WAIT', () => {
    const file = captureOf([
      ...wholeConnection(0, A, B, 1000, 5000),
      ...wholeConnection(100, A, B, 900_000, 9000),
    ]);
    const connections = findConnections(file);
    expect(connections).toHaveLength(2);
    expect(connections.map((c) => c.segments)).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
    ]);
    expect(connections[1]?.startedBeforeCapture).toBe(false);
  });

  it('starts a new incarnation after a RST, and keeps retransmitted SYNs in theirs', () => {
    const file = captureOf([
      tcp(0, A, B, 'S', 1000),
      tcp(1000, A, B, 'S', 1000),
      tcp(1001, B, A, 'RA', 0, 1001),
      tcp(2000, A, B, 'S', 77_000),
      tcp(2001, B, A, 'SA', 5000, 77_001),
    ]);
    const connections = findConnections(file);
    expect(connections.map((c) => [c.segments, c.ending])).toEqual([
      [[0, 1, 2], 'rst'],
      [[3, 4], 'open'],
    ]);
  });

  it('keeps a retransmitted FIN and a late ACK in their connection', () => {
    const segments = wholeConnection(0, A, B, 1000, 5000);
    segments.push(tcp(300, B, A, 'FA', 5001, 1007), tcp(300.1, A, B, 'A', 1007, 5002));
    const connections = findConnections(captureOf(segments));
    expect(connections).toHaveLength(1);
    expect(connections[0]?.segments).toHaveLength(10);
  });

  it('takes a SYN with a new ISN on a live connection as a new attempt', () => {
    const file = captureOf([
      tcp(0, A, B, 'S', 1000),
      tcp(1, B, A, 'SA', 5000, 1001),
      tcp(2, A, B, 'A', 1001, 5001),
      tcp(50, A, B, 'S', 123_456),
    ]);
    expect(findConnections(file).map((c) => c.segments)).toEqual([[0, 1, 2], [3]]);
  });

  it('keeps both SYNs of a simultaneous open in one connection; the first SYN names the client', () => {
    const file = captureOf([
      tcp(0, B, A, 'S', 5000),
      tcp(0.1, A, B, 'S', 1000),
      tcp(1, A, B, 'SA', 1000, 5001),
      tcp(1.1, B, A, 'SA', 5000, 1001),
    ]);
    const connections = findConnections(file);
    expect(connections).toHaveLength(1);
    expect(connections[0]?.client).toEqual(B);
    expect(connections[0]?.server).toEqual(A);
  });

  it('marks a connection joined mid-way; a privileged port names the server', () => {
    const file = captureOf([tcp(0, B, A, 'PA', 5000, 1000, 100), tcp(1, A, B, 'A', 1000, 5100)]);
    const [connection] = findConnections(file);
    expect(connection).toMatchObject({
      client: A,
      server: B,
      startedBeforeCapture: true,
      ending: 'open',
    });
  });

  it('without a port hint, the first sender of a connection joined mid-way is the client', () => {
    const P: HostPort = { address: '10.0.0.9', port: 9000 };
    const [connection] = findConnections(
      captureOf([tcp(0, P, A, 'A', 1, 2), tcp(1, A, P, 'A', 2, 1)]),
    );
    expect(connection?.client).toEqual(P);
  });

  it('takes the receiver of a SYN+ACK as the client when the SYN was not captured', () => {
    const [connection] = findConnections(
      captureOf([tcp(0, B, A, 'SA', 5000, 1001), tcp(1, A, B, 'A', 1001, 5001)]),
    );
    expect(connection).toMatchObject({ client: A, server: B, startedBeforeCapture: true });
  });

  it('ends by whichever came first: both FINs, or a RST', () => {
    const fin = wholeConnection(0, A, B, 1000, 5000);
    fin.push(tcp(10, B, A, 'R', 5002));
    expect(findConnections(captureOf(fin))[0]?.ending).toBe('fin');
    const rst = wholeConnection(0, A, B, 1000, 5000).slice(0, 5);
    rst.push(tcp(6, A, B, 'RA', 1006, 5001));
    expect(findConnections(captureOf(rst))[0]?.ending).toBe('rst');
  });

  it('reads IPv6 endpoints and keeps the address families apart', () => {
    const X: HostPort = { address: '2001:db8::1', port: 40000 };
    const Y: HostPort = { address: '2001:db8::2', port: 443 };
    const file = captureOf([...wholeConnection(0, X, Y, 1, 2), ...wholeConnection(1, A, B, 3, 4)]);
    const connections = findConnections(file);
    expect(connections.map((c) => [c.ipVersion, c.server.address])).toEqual([
      [6, '2001:db8::2'],
      [4, '10.0.0.2'],
    ]);
  });

  it('returns nothing for a capture without TCP segments', () => {
    expect(findConnections(captureOf([]))).toEqual([]);
  });
});
