/**
 * A family graph's edge in words ("rewritten from", never "partial-reuse · strength 1.00"): shared by the families
 * page and the graph script (bundled for the browser, so this module imports nothing).
 */
export const EDGE_WORDS: Record<string, string> = {
  'verbatim-copy': 'copied word for word from',
  rewrite: 'rewritten from',
  'partial-reuse': 'reuses part of',
  'same-story': 'tells the same story as',
  unrelated: 'unrelated to',
};

/** "rewritten from", plus what the kernel measured: fidelity when reported, else the share of text the pair shares. */
export function edgeWords(e: { verdict: string; strength: number; fidelity?: number }): string {
  const how = EDGE_WORDS[e.verdict] ?? e.verdict;
  const pc = (x: number) => `${Math.round(x * 100)}%`;
  return e.fidelity !== undefined
    ? `${how} · fidelity ${pc(e.fidelity)}`
    : `${how} · ${pc(e.strength)} of the text shared`;
}
