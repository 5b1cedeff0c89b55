// Addresses the page gives the two endpoints: documentation ranges (RFC 5737), so nothing shown
// points at a real host. The simulator itself has no addresses. (Re-exported by ./tcpHeader.ts.)
import type { Side } from '../../core/types';

export const ENDPOINT_ADDRESSES: Readonly<Record<Side, string>> = {
  client: '192.0.2.1',
  server: '198.51.100.1',
};
