// Addresses the lab gives the two endpoints: documentation ranges (RFC 5737), so nothing shown or
// exported points at a real host. The engine itself has no addresses; the page labels the lifelines
// with these, the inspector and the pcap writer put them in headers.
import type { Side } from './types';

export const ENDPOINT_ADDRESSES: Readonly<Record<Side, string>> = {
  client: '192.0.2.1',
  server: '198.51.100.1',
};
