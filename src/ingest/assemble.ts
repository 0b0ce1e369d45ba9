import type { Block, Boilerplate } from '../types.js';
import type { Unit } from './units.js';

const SEPARATOR = '\n\n';

/** Joins units with blank lines; body units become blocks, boilerplate units spans. Offsets are exact by construction. */
export function assemble(units: Unit[]): { text: string; blocks: Block[]; boilerplate: Boilerplate[] } {
  let text = '';
  const blocks: Block[] = [];
  const boilerplate: Boilerplate[] = [];
  for (const u of units) {
    if (!u.text) continue;
    if (text) text += SEPARATOR;
    const start = text.length;
    text += u.text;
    const end = text.length;
    if (u.boilerplate) boilerplate.push({ start, end, text: u.text, reason: u.boilerplate });
    else blocks.push({ start, end, kind: u.kind });
  }
  return { text, blocks, boilerplate };
}
