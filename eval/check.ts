/** `eval --check`: which stored values moved (date and commit are ignored). */
import { fmt, type StoredResults } from './report.js';

const TOLERANCE = 0.001;

const key = (r: { dataset: string; task: string; metric: string }): string => `${r.dataset} / ${r.task} / ${r.metric}`;

function moved(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a !== b;
  return Math.abs(a - b) > TOLERANCE;
}

/** One line per row that appeared, disappeared, or whose value or baseline differs by more than 0.001. */
export function diffResults(committed: StoredResults, fresh: StoredResults): string[] {
  const now = new Map(fresh.rows.map((r) => [key(r), r]));
  const out: string[] = [];
  for (const old of committed.rows) {
    const r = now.get(key(old));
    now.delete(key(old));
    if (!r) out.push(`${key(old)}: missing from this run`);
    else {
      if (moved(old.value, r.value)) out.push(`${key(old)}: value ${fmt(old.value)} → ${fmt(r.value)}`);
      if (moved(old.baseline, r.baseline)) out.push(`${key(old)}: baseline ${fmt(old.baseline)} → ${fmt(r.baseline)}`);
    }
  }
  for (const k of now.keys()) out.push(`${k}: new row, not committed`);
  return out;
}
