import { describe, expect, it } from 'vitest';
import { diffResults } from './check.js';
import type { StoredResults } from './report.js';

const row = (metric: string, value: number | null, baseline: number | null, date = '2025-01-01') => ({
  dataset: 'meter-courts',
  task: 'meter-relation',
  metric,
  value,
  baseline,
  date,
  commit: 'abc1234',
});

describe('diffResults', () => {
  const committed: StoredResults = {
    rows: [row('macro-F1', 0.7, 0.65), row('direction accuracy', null, 0.9)],
    details: {},
  };

  it('ignores date, commit and moves within 0.001', () => {
    const fresh: StoredResults = {
      rows: [
        { ...row('macro-F1', 0.7004, 0.65, '2025-02-02'), commit: 'def5678' },
        row('direction accuracy', null, 0.9),
      ],
      details: {},
    };
    expect(diffResults(committed, fresh)).toEqual([]);
  });

  it('lists changed values, rows that went missing and new rows', () => {
    const fresh: StoredResults = { rows: [row('macro-F1', 0.72, 0.65), row('recall@1', 0.5, 0.4)], details: {} };
    expect(diffResults(committed, fresh)).toEqual([
      'meter-courts / meter-relation / macro-F1: value 0.700 → 0.720',
      'meter-courts / meter-relation / direction accuracy: missing from this run',
      'meter-courts / meter-relation / recall@1: new row, not committed',
    ]);
  });

  it('treats a value that became available as a change', () => {
    const fresh: StoredResults = {
      rows: [row('macro-F1', 0.7, 0.65), row('direction accuracy', 0.8, 0.9)],
      details: {},
    };
    expect(diffResults(committed, fresh)).toEqual([
      'meter-courts / meter-relation / direction accuracy: value — → 0.800',
    ]);
  });
});
