// The endpoints' addresses (src/core/addresses.ts), under the path the page's modules import them
// from. A small module of its own: the diagram's lifeline labels need them before the inspector
// loads.
export { ENDPOINT_ADDRESSES } from '../../core/addresses';
