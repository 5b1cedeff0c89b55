// Where the small "Client" / "Server" / "Listener" pills sit on a state's box, and where the
// state's name is, so that a test can check no pill covers a name (ESTABLISHED, the widest,
// fills its box). Pure geometry in the figure's view-box units.
import type { SocketOwner } from '../../engine/types';
import { NODE_HEIGHT, NODE_WIDTH, type DiagramNode } from './figure';

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export const TAG_HEIGHT = 18;
/** The name's baseline, below the box's centre. */
export const NAME_BASELINE = 5;
/** The largest size a state's name is set in (StateMachinePanel.css, narrow panels). */
export const NAME_FONT_MAX = 17;

/** A rough width of an 11-unit bold label: wide (CJK) characters count about twice a Latin letter. */
export function tagTextWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += ch.codePointAt(0)! > 0x2e80 ? 11.5 : 6.8;
  return w;
}

/**
 * A pill on the box's corner: the client's top left, the server's top right, the listener's bottom
 * right. They ride up (down, for the listener) over the border, clear of the name inside.
 */
export function tagBox(side: SocketOwner, label: string, node: DiagramNode): Box {
  const width = Math.max(34, tagTextWidth(label) + 14);
  const left = node.x - NODE_WIDTH / 2;
  const right = node.x + NODE_WIDTH / 2;
  const top = node.y - NODE_HEIGHT / 2;
  const bottom = node.y + NODE_HEIGHT / 2;
  const x = side === 'client' ? left + 6 : right - 6 - width;
  const y = side === 'listener' ? bottom - 5 : top - 15;
  return { x, y, width, height: TAG_HEIGHT };
}

/**
 * The ink of a state's name (upper-case letters, digits and "_", bold): a bold capital's height
 * above the baseline, the underscore's depth below it; about 0.7 em per character.
 */
export function nameBox(node: DiagramNode, name: string, fontSize: number = NAME_FONT_MAX): Box {
  let width = 0;
  for (const ch of name) width += (ch.codePointAt(0)! > 0x2e80 ? 1 : 0.7) * fontSize;
  const baseline = node.y + NAME_BASELINE;
  const top = baseline - 0.78 * fontSize;
  return { x: node.x - width / 2, y: top, width, height: baseline + 0.16 * fontSize - top };
}

/**
 * Whether two boxes come closer than `margin` (the pill's outline and a font with taller capitals
 * than the estimate need some room: a tag just touching a name reads as covering it).
 */
export function intersects(a: Box, b: Box, margin = 0): boolean {
  return (
    a.x - margin < b.x + b.width &&
    b.x - margin < a.x + a.width &&
    a.y - margin < b.y + b.height &&
    b.y - margin < a.y + a.height
  );
}

/** The room a tag keeps from any name (view-box units). */
export const TAG_CLEARANCE = 4;
