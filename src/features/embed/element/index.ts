// The web component's module (`npm run build:lib` → dist-lib/handshake-lab.js): defines
// <handshake-lab>. Loading it twice (two script tags, two copies) defines the element once.

import { HandshakeLabElement } from './HandshakeLabElement';

export const ELEMENT_NAME = 'handshake-lab';

if (!customElements.get(ELEMENT_NAME)) customElements.define(ELEMENT_NAME, HandshakeLabElement);

export { HandshakeLabElement };
