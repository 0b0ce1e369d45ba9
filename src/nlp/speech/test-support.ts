import { expect } from 'vitest';
import { extract } from '../../ingest/index.js';
import type { Analysis, Span } from '../../types.js';
import { analyze } from '../index.js';

/** Runs the whole pipeline on plain text, as the tests of steps 02 and 06-08 do. */
export function analyzeText(text: string): Analysis {
  return analyze(extract(text));
}

/** Asserts `doc.text.slice(start, end) === text` for every span given. */
export function expectSlicesBack(doc: Analysis, spans: Array<Span | null | undefined>): void {
  for (const span of spans) {
    if (!span) continue;
    expect(doc.text.slice(span.start, span.end)).toBe(span.text);
  }
}
