import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Block } from '../types.js';

/** eld reads only the first 1,000 characters of what it is given, so a longer sample is wasted slicing. */
const SAMPLE_CHARS = 1000;

/**
 * English function words. News English has 35-50% of its words here; other Latin-script languages share at most
 * a few ("a", "in", "an"), so a sample at ≥ 25% of ≥ 30 words is English without asking eld.
 */
const ENGLISH = new Set(
  'the of and to a in is was that for on with as by at from it he she his her they their be have has had not are were said this which but or an will would who its been after'.split(
    ' ',
  ),
);
const ENGLISH_SHARE = 0.25;
const ENGLISH_MIN_WORDS = 30;

type Eld = { detect(text: string): { language: string; isReliable(): boolean } };
let eldDetector: Eld | undefined;

/**
 * eld's n-gram tables cost ~90 ms to compile, so they are loaded on the first text the English test cannot settle.
 * analyze() is synchronous, hence require() of the ES module (Node ≥ 20.19), resolved through its package exports.
 */
function eld(): Eld {
  if (!eldDetector) {
    const require = createRequire(import.meta.url);
    eldDetector = (require(fileURLToPath(import.meta.resolve('eld/small'))) as { eld: Eld }).eld;
  }
  return eldDetector;
}

/** True when the sample is plainly English by its function words. */
export function plainlyEnglish(sample: string): boolean {
  const words = sample.toLowerCase().match(/[a-z]+/g) ?? [];
  if (words.length < ENGLISH_MIN_WORDS) return false;
  let hits = 0;
  for (const w of words) if (ENGLISH.has(w)) hits++;
  return hits / words.length >= ENGLISH_SHARE;
}

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
  if (plainlyEnglish(sample)) return 'en';
  const result = eld().detect(sample);
  return result.isReliable() ? result.language : null;
}
