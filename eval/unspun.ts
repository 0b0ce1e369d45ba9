/**
 * Loads the Unspun kernel for the tasks, or explains why it cannot run (the tasks then report baseline rows only).
 * Analyses are cached by text for the whole run: METER sources and FRANK articles are compared many times.
 */
import type { Analysis, CompareResult } from '../src/types.js';

export interface Kernel {
  /** compare(source, derived) over cached analyses. */
  compare(source: string, derived: string): CompareResult;
  /** The cached analysis of a text (the passages task reads its tokens). */
  analysis(text: string): Analysis;
}

let loading: Promise<{ kernel: Kernel | null; reason: string }> | null = null;

/** The kernel, or null and a one-line reason (import failure, "not implemented" …). Loaded once per run. */
export function loadKernel(): Promise<{ kernel: Kernel | null; reason: string }> {
  loading ??= (async () => {
    try {
      const { compareAnalyses } = await import('../src/compare.js');
      const { extract } = await import('../src/ingest/index.js');
      const { analyze } = await import('../src/nlp/index.js');
      const cache = new Map<string, Analysis>();
      const analysis = (text: string): Analysis => {
        let a = cache.get(text);
        if (!a) cache.set(text, (a = analyze(extract(text, { format: 'text' }))));
        return a;
      };
      const kernel: Kernel = { analysis, compare: (s, d) => compareAnalyses(analysis(s), analysis(d)) };
      // A probe pair: stubs throw "not implemented" here rather than in the middle of a task.
      kernel.compare('The court heard the case on Monday. The judge said it was a serious matter.', 'The judge said the case was a serious matter.');
      cache.clear();
      return { kernel, reason: '' };
    } catch (e) {
      return { kernel: null, reason: 'compare() unavailable: ' + String((e as Error).message ?? e).split('\n')[0] };
    }
  })();
  return loading;
}
