import { eld } from 'eld/small';
import type { Block } from '../types.js';

/** eld reads only the first 1,000 characters of what it is given, so a longer sample is wasted slicing. */
const SAMPLE_CHARS = 1000;

/** ISO 639-1 code of the body text, or null when too short or unsure to say. */
export function detectLanguage(text: string, blocks: Block[]): string | null {
  const parts: string[] = [];
  let chars = 0;
  for (let k = 0; k < blocks.length && chars < SAMPLE_CHARS; k++) {
    parts.push(text.slice(blocks[k].start, blocks[k].end));
    chars += blocks[k].end - blocks[k].start + 1;
  }
  const sample = parts.join('\n').slice(0, SAMPLE_CHARS);
  if (sample.replace(/\s+/g, '').length < 40) return null;
  const result = eld.detect(sample);
  return result.isReliable() ? result.language : null;
}
