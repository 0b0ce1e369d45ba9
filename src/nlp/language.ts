import { eld } from 'eld/small';
import type { Block } from '../types.js';

/** ISO 639-1 code of the body text, or null when too short or unsure to say. */
export function detectLanguage(text: string, blocks: Block[]): string | null {
  const sample = blocks.map((b) => text.slice(b.start, b.end)).join('\n').slice(0, 4000);
  if (sample.replace(/\s+/g, '').length < 40) return null;
  const result = eld.detect(sample);
  return result.isReliable() ? result.language : null;
}
