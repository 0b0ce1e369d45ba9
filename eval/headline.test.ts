import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineText, withHeadline } from './headline.js';
import type { StoredResults } from './report.js';

const ROOT = join(import.meta.dirname, '..');
const results = JSON.parse(readFileSync(join(ROOT, 'eval/results.json'), 'utf8')) as StoredResults;

describe("the README's headline numbers", () => {
  it('are the ones in eval/results.json (npm run eval regenerates them)', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toBe(withHeadline(readme, results));
  });

  it('show each value rounded as results.md does, with its baseline', () => {
    const row = results.rows.find((r) => r.task === 'meter-relation' && r.metric === 'direction accuracy')!;
    expect(headlineText(results)).toContain(`direction **${row.value!.toFixed(3)}** (${row.baseline!.toFixed(3)})`);
    const changed = structuredClone(results);
    changed.rows.find((r) => r.task === 'meter-relation' && r.metric === 'direction accuracy')!.value = 0.5;
    expect(headlineText(changed)).toContain('direction **0.500**');
    expect(
      headlineText(results)
        .split('\n')
        .every((l) => l.length <= 120),
    ).toBe(true);
  });
});
