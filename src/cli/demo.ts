import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Command } from 'commander';
import { traceToText, familiesToText } from './corpus.js';
import { packageRoot } from '../package-root.js';

/** The bundled example articles (written for Unspun; fictional events). */
export const EXAMPLES = {
  wire: 'wire-rail-delays.txt',
  farm: 'farm-rail-delays.html',
  copy: 'copy-rail-delays.txt',
  independent: 'independent-rail-delays.txt',
  unrelated: 'unrelated-harbour-festival.txt',
} as const;

export function examplePath(name: string): string {
  return join(packageRoot, 'examples', name);
}

async function load(name: string) {
  const [{ extract }, { analyze }] = await Promise.all([import('../ingest/index.js'), import('../nlp/index.js')]);
  const path = examplePath(name);
  const bytes = readFileSync(path);
  return { bytes, analysis: analyze(extract(bytes, { format: path.endsWith('.html') ? 'html' : 'auto' })) };
}

/** `unspun demo`: the main job on the bundled examples — a content-farm spin and an independent report of one wire story. */
export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description(
      'run Unspun on the bundled example articles (a wire story, a content-farm spin, a copy, an independent report)',
    )
    .option('--html <file>', 'write the HTML report of the spin to this file', 'unspun-demo.html')
    .option('--db <path>', 'corpus database for the trace/families part (default: a temporary file)')
    .action(async (opts: { html: string; db?: string }) => {
      if (!existsSync(examplePath(EXAMPLES.wire))) throw new Error('examples/ folder is missing from the package');
      const wire = await load(EXAMPLES.wire);
      const [{ loadVectors }, { compareAnalyses }, { compareToTerminal }, { compareToHtml }] = await Promise.all([
        import('../align/vectors.js'),
        import('../compare.js'),
        import('../report/terminal.js'),
        import('../report/html.js'),
      ]);
      const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
      for (const [label, name] of [
        ['content-farm spin', EXAMPLES.farm],
        ['independent report', EXAMPLES.independent],
      ] as const) {
        const other = await load(name);
        const r = compareAnalyses(wire.analysis, other.analysis, {
          vectors: loadVectors(),
          sourceBytes: wire.bytes,
          derivedBytes: other.bytes,
        });
        process.stdout.write(`\n=== ${label}: examples/${EXAMPLES.wire} → examples/${name}\n\n`);
        process.stdout.write(compareToTerminal(r, { color }, { source: EXAMPLES.wire, derived: name }));
        if (name === EXAMPLES.farm && opts.html) {
          writeFileSync(opts.html, compareToHtml(r, { source: EXAMPLES.wire, derived: name }));
          process.stdout.write(`\nHTML report: ${opts.html}\n`);
        }
      }
      await corpusDemo(opts.db);
    });
}

/** The quote the demo follows through the corpus: the wire's quote that the spin restates without its speaker. */
export const DEMO_QUOTE = 'the public deserves its money back';

/** The corpus half of the demo: add every example to a corpus, trace the spin, group the families, follow a quote. */
async function corpusDemo(db?: string): Promise<void> {
  const [{ loadVectors }, { loadLexicon }, { openStore }, { addPaths, trace, families }, quotes, { quotesToText }] =
    await Promise.all([
      import('../align/vectors.js'),
      import('../align/words/wordnet.js'),
      import('../store/index.js'),
      import('../corpus/index.js'),
      import('../corpus/quotes/index.js'),
      import('../report/quotes-text.js'),
    ]);
  const path = db ?? join(mkdtempSync(join(tmpdir(), 'unspun-demo-')), 'demo.db');
  const store = await openStore(path);
  try {
    // The wire story first, then the spin, the copy and the rest: the order they came out in (the examples carry
    // no published date but the spin's), so the quote trail below starts at the wire.
    const order = [EXAMPLES.wire, EXAMPLES.farm, EXAMPLES.copy, EXAMPLES.independent, EXAMPLES.unrelated];
    const summary = await addPaths(store, order.map(examplePath), { vectors: loadVectors(), workers: 0 });
    process.stdout.write(`\n=== corpus: added ${summary.added} example articles to ${path}\n\n`);
    const farm = (await store.list({ limit: 100 })).find((m) => (m.source ?? '').endsWith(EXAMPLES.farm));
    if (farm) process.stdout.write(traceToText(await trace(store, farm.id, { top: 4, vectors: loadVectors() })) + '\n');
    process.stdout.write(familiesToText(await families(store, { vectors: loadVectors() })));
    process.stdout.write(`\n=== quotes: unspun quotes "${DEMO_QUOTE}" --db ${path}\n\n`);
    const trail = await quotes.quoteProvenance(store, DEMO_QUOTE, { vectors: loadVectors(), lexicon: loadLexicon() });
    process.stdout.write(quotesToText(trail));
  } finally {
    await store.close();
  }
}
