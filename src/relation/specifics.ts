import type { Analysis } from '../types.js';

/** Share of the derived text's specifics (entity keys and number values) that the source has too. */
export function specificsShared(source: Analysis, derived: Analysis): number {
  const keys = (a: Analysis) =>
    new Set([...a.entities.map((e) => 'e:' + e.key), ...a.numbers.filter((n) => n.kind !== 'year').map((n) => 'n:' + n.value)]);
  const s = keys(source);
  const d = keys(derived);
  if (d.size === 0) return 0;
  let n = 0;
  for (const k of d) if (s.has(k)) n++;
  return n / d.size;
}
