import { existsSync } from 'node:fs';
import { once } from 'node:events';
import type { Command } from 'commander';
import { Option } from 'commander';
import { InputError, ThresholdError } from '../errors.js';
import type { Store } from '../store/index.js';
import type { AddProgress, TraceResult, FamiliesResult } from '../corpus/index.js';
import { readInput } from './io.js';
import { allowPrivateOption, maxBytesOption, MAX_WORKERS, positiveSeconds, wholeNumber } from './options.js';
import { pct } from '../report/format.js';
import { safeLine, safeText } from '../report/sanitize.js';

/** A skipped record or row: one line on stderr, the command goes on. */
export const warnLine = (message: string): void => void process.stderr.write(`unspun: warning: ${safeLine(message)}\n`);

/** The kernel, store and corpus code, loaded by the command that runs: registering commands stays cheap (start-up). */
async function heavy() {
  const [vectors, ingest, nlp, store, corpus, analysis, queue] = await Promise.all([
    import('../align/vectors.js'),
    import('../ingest/index.js'),
    import('../nlp/index.js'),
    import('../store/index.js'),
    import('../corpus/index.js'),
    import('../report/analysis.js'),
    import('./queue.js'),
  ]);
  return { ...vectors, ...ingest, ...nlp, ...store, ...corpus, ...analysis, ...queue };
}

// Registering these commands must stay cheap: the store, the corpus code and the kernel are imported by the
// action that runs (see main.ts).

export const dbOption = () =>
  new Option(
    '--db <path|url>',
    'corpus store: a SQLite file (or sqlite:PATH) or postgres://user@host/db (default: $UNSPUN_DB or ./unspun.db)',
  );

/**
 * Opens the corpus for one command. Read commands open it read-only: they never create, migrate or write, so they
 * work on a read-only or immutable file. SQLite errors caused by the file (not a database, locked, read-only, a
 * folder) become one-line InputErrors (exit 2).
 */
export async function withStore<T>(
  db: string | undefined,
  mode: 'read' | 'write',
  fn: (store: Store) => Promise<T>,
): Promise<T> {
  const h = await heavy();
  const url = h.resolveDbPath(db);
  const where = h.parseStoreUrl(url);
  const path = where.backend === 'sqlite' ? where.path : url;
  if (mode === 'read' && where.backend === 'sqlite' && where.path !== ':memory:' && !existsSync(where.path))
    throw new InputError(`no corpus at ${where.path}: run "unspun add <paths…>" first or pass --db`);
  const store = await h.openStore(url, { readonly: mode === 'read' && path !== ':memory:' }).catch((err: unknown) => {
    throw h.storeError(err, path);
  });
  try {
    return await fn(store);
  } catch (err) {
    throw h.storeError(err, path);
  } finally {
    await store.close();
  }
}

/** `--workers 200` would start 200 threads of ~60 MB each: capped, with a note. */
function workersArg(v: string): number {
  const n = wholeNumber(0)(v);
  if (n > MAX_WORKERS) process.stderr.write(`unspun: --workers ${n} capped at ${MAX_WORKERS}\n`);
  return Math.min(n, MAX_WORKERS);
}

function parseId(v: string): number {
  if (!/^\d+$/.test(v)) throw new InputError(`"${v}" is not an article id (see "unspun list")`);
  return Number(v);
}

/** A progress bar with rate and ETA on a TTY; plain periodic lines otherwise (stderr either way). */
async function addProgress(): Promise<{ update(p: AddProgress): void; stop(): void }> {
  if (process.stderr.isTTY) {
    const { default: cliProgress } = await import('cli-progress');
    const bar = new cliProgress.SingleBar(
      {
        format:
          'adding |{bar}| {value} read · {added} added · {duplicates} dup · {failed} failed · {rate}/s · {eta_formatted}',
        stream: process.stderr,
        etaBuffer: 50,
      },
      cliProgress.Presets.shades_classic,
    );
    const t0 = Date.now();
    bar.start(0, 0, { added: 0, duplicates: 0, failed: 0, rate: 0 });
    return {
      update(p) {
        bar.setTotal(Math.max(p.read, 1));
        bar.update(p.read, {
          added: p.added,
          duplicates: p.duplicates,
          failed: p.failed,
          rate: Math.round(p.read / Math.max(0.001, (Date.now() - t0) / 1000)),
        });
      },
      stop: () => bar.stop(),
    };
  }
  // Lines are throttled to one per 2 s, so the last one printed can be stale: stop() prints the final state.
  let last = 0;
  let printed = '';
  let latest = '';
  const line = (p: AddProgress) =>
    `unspun: ${p.read} read, ${p.added} added, ${p.duplicates} duplicates, ${p.failed} failed\n`;
  return {
    update(p) {
      latest = line(p);
      if (Date.now() - last < 2000) return;
      last = Date.now();
      process.stderr.write((printed = latest));
    },
    stop() {
      if (printed && latest !== printed) process.stderr.write(latest);
    },
  };
}

/** A done/total progress bar on a TTY's stderr (nothing otherwise: the output is often piped). */
async function countProgress(
  what: string,
  unit: string,
): Promise<{ update(done: number, total: number): void; stop(): void }> {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const { default: cliProgress } = await import('cli-progress');
  const bar = new cliProgress.SingleBar(
    { format: `${what} |{bar}| {value}/{total} ${unit} · {eta_formatted}`, stream: process.stderr, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop: () => started && bar.stop(),
  };
}

/** Corpus commands: add, trace, families, list, show, rm, export. */
export function registerCorpusCommands(program: Command): void {
  program
    .command('add')
    .description('add articles to the corpus: files, directories, JSON Lines, RSS/Atom feeds, WARC(.gz), URLs')
    .argument(
      '[inputs...]',
      'paths or URLs; - (or nothing, when piped) reads JSON Lines from stdin, e.g. from "unspun export"',
    )
    .addOption(dbOption())
    .option('--json', 'print the summary as JSON')
    .addOption(
      new Option(
        '--workers <n>',
        `analysis worker threads, 0 = in-process (default: cores, at most 2; capped at ${MAX_WORKERS})`,
      ).argParser(workersArg),
    )
    .addOption(
      new Option(
        '--doc-timeout <seconds>',
        'analysis time budget per document (default 60): a record that takes longer fails (reported, skipped) and its worker restarts; needs --workers ≥ 1',
      ).argParser(positiveSeconds),
    )
    .addOption(maxBytesOption())
    .addOption(allowPrivateOption())
    .option('--queue', 'PostgreSQL: enqueue one job per record for "unspun worker" processes instead of analysing here')
    .option('--wait', 'with --queue: show progress until the workers have done every job')
    .addHelpText(
      'after',
      '\nIdempotent: the same text twice is stored once; re-run after a crash to resume.\nExit 1 when some records failed (they are listed and skipped).\n\nExamples:\n  unspun add news/ feed.xml crawl.warc.gz\n  unspun add dump.jsonl --db postgres://unspun@db.internal/news --queue --wait',
    )
    .action(
      async (
        inputs: string[],
        opts: {
          db?: string;
          json?: boolean;
          workers?: number;
          docTimeout?: number;
          maxBytes: number;
          allowPrivateUrls?: boolean;
          queue?: boolean;
          wait?: boolean;
        },
      ) => {
        const h = await heavy();
        if (opts.wait && !opts.queue) throw new InputError('--wait goes with --queue');
        if (!inputs.length) {
          if (process.stdin.isTTY)
            throw new InputError(
              'give files, directories or URLs to add, or pipe JSON Lines (e.g. unspun export | unspun add --db …)',
            );
          inputs = ['-'];
        }
        if (opts.queue) {
          const q = await h.addQueued(opts.db, inputs, opts);
          const { jobIds: _ids, ...shown } = q;
          if (opts.json)
            process.stdout.write(JSON.stringify({ schema: 'unspun.add-queue/1', ...shown }, null, 2) + '\n');
          else {
            process.stdout.write(
              `queued ${q.enqueued} (${q.alreadyQueued} already queued or done), ${q.failed.length} unreadable${q.wait ? `; workers finished ${q.wait.done}, failed ${q.wait.failed}` : ''}\n`,
            );
            for (const f of q.failed) process.stdout.write(`  failed: ${f.source}: ${f.reason}\n`);
          }
          const failed = q.failed.length + (q.wait?.failed ?? 0);
          if (failed) throw new ThresholdError(`${failed} record(s) failed (see "unspun jobs")`);
          return;
        }
        const summary = await withStore(opts.db, 'write', async (store) => {
          const bar = await addProgress();
          try {
            return await h.addPaths(store, inputs, {
              vectors: h.loadVectors(),
              workers: opts.workers,
              docTimeoutMs: opts.docTimeout === undefined ? undefined : opts.docTimeout * 1000,
              maxBytes: opts.maxBytes,
              allowPrivateUrls: opts.allowPrivateUrls,
              onProgress: (p) => bar.update(p),
            });
          } finally {
            bar.stop();
          }
        });
        if (opts.json) process.stdout.write(JSON.stringify({ schema: 'unspun.add/1', ...summary }, null, 2) + '\n');
        else {
          process.stdout.write(
            `added ${summary.added} (${summary.versions} new versions), ${summary.duplicates} duplicates, ${summary.failed.length} failed\n`,
          );
          for (const f of summary.failed)
            process.stdout.write(`  failed: ${safeLine(f.source)}: ${safeLine(f.reason)}\n`);
        }
        if (summary.failed.length) throw new ThresholdError(`${summary.failed.length} record(s) failed`);
      },
    );

  program
    .command('trace')
    .description('where did this article come from? ranked likely sources, origin first, sibling copies marked')
    .argument('<article>', 'a stored id, or a file path, URL or - (need not be in the corpus)')
    .addOption(dbOption())
    .addOption(new Option('--top <n>', 'candidates to show').argParser(wholeNumber(1, 1000)).default(5))
    .option('--json', 'print one JSON document (schema unspun.trace/2)')
    .addOption(maxBytesOption())
    .addOption(allowPrivateOption())
    .action(
      async (
        article: string,
        opts: { db?: string; top: number; json?: boolean; maxBytes: number; allowPrivateUrls?: boolean },
      ) => {
        const h = await heavy();
        const top = opts.top;
        const result = await withStore(opts.db, 'read', async (store) => {
          if (/^\d+$/.test(article) && !existsSync(article)) {
            const id = Number(article);
            if (!(await store.getMeta([id])).length)
              throw new InputError(`no article with id ${id} (see "unspun list")`);
            return h.trace(store, id, { top, vectors: h.loadVectors(), onWarning: warnLine });
          }
          const raw = await readInput(article, { maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivateUrls });
          return h.trace(store, h.analyze(h.extract(raw.bytes, { format: raw.format, url: raw.url })), {
            top,
            vectors: h.loadVectors(),
            onWarning: warnLine,
          });
        });
        process.stdout.write(opts.json ? JSON.stringify(result, null, 2) + '\n' : traceToText(result));
      },
    );

  program
    .command('families')
    .description('group the corpus into reuse families, each a directed "copied from" graph, origin first')
    .addOption(dbOption())
    .addOption(new Option('--json', 'JSON (schema unspun.families/2)').conflicts(['graphml', 'dot']))
    .addOption(new Option('--graphml', 'GraphML').conflicts(['dot']))
    .option('--dot', 'Graphviz DOT')
    .option(
      '--sample <n>',
      'seed at most n articles spread over the corpus (bounds the time on a large corpus; a pair costs ~50 ms)',
    )
    .action(async (opts: { db?: string; json?: boolean; graphml?: boolean; dot?: boolean; sample?: string }) => {
      const h = await heavy();
      const sample = opts.sample === undefined ? undefined : Number(opts.sample);
      if (sample !== undefined && !(Number.isInteger(sample) && sample > 0))
        throw new InputError(`--sample must be a positive whole number, not "${opts.sample}"`);
      const bar = await countProgress('families', 'seed articles');
      const result = await withStore(opts.db, 'read', (store) =>
        h
          .families(store, { vectors: h.loadVectors(), sample, onProgress: bar.update, onWarning: warnLine })
          .finally(bar.stop),
      );
      if (opts.graphml) process.stdout.write(h.familiesToGraphml(result));
      else if (opts.dot) process.stdout.write(h.familiesToDot(result));
      else if (opts.json) process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else process.stdout.write(familiesToText(result));
    });

  program
    .command('list')
    .description('list stored articles')
    .addOption(dbOption())
    .addOption(new Option('--limit <n>', 'how many').argParser(wholeNumber(1)).default(50))
    .addOption(new Option('--offset <n>', 'skip this many').argParser(wholeNumber(0)).default(0))
    .option('--outlet <name>', 'only this outlet')
    .option('--json', 'JSON')
    .action(async (opts: { db?: string; limit: number; offset: number; outlet?: string; json?: boolean }) => {
      const h = await heavy();
      const rows = await withStore(opts.db, 'read', (store) =>
        h.listArticles(store, { limit: opts.limit, offset: opts.offset, outlet: opts.outlet }),
      );
      if (opts.json) process.stdout.write(JSON.stringify({ schema: 'unspun.list/1', articles: rows }, null, 2) + '\n');
      else
        for (const r of rows)
          process.stdout.write(
            `${String(r.id).padStart(6)}  v${r.version}  ${safeLine(r.published ?? '—'.padEnd(10))}  ${safeLine(r.outlet ?? '—')}  ${safeLine(r.title ?? r.article)}\n`,
          );
    });

  program
    .command('show')
    .description('show one stored article: metadata, versions, text and analysis')
    .argument('<id>', 'article id')
    .addOption(dbOption())
    .option('--json', 'JSON')
    .action(async (idArg: string, opts: { db?: string; json?: boolean }) => {
      const h = await heavy();
      const id = parseId(idArg);
      const shown = await withStore(opts.db, 'read', (store) => h.showArticle(store, id));
      if (!shown) throw new InputError(`no article with id ${id}`);
      if (opts.json)
        process.stdout.write(
          JSON.stringify({ schema: 'unspun.show/1', ...shown, analysis: h.analysisToJson(shown.analysis) }, null, 2) +
            '\n',
        );
      else {
        const head = `#${shown.id} ${safeLine(shown.title ?? shown.article)}\n  version ${shown.version} of ${shown.versions.length} · ${safeLine(shown.outlet ?? 'no outlet')} · ${safeLine(shown.published ?? 'no date')} · ${shown.words} words\n  ${safeLine(shown.url ?? shown.source ?? '')}`;
        process.stdout.write(`${head}\n\n${safeText(shown.text)}\n`);
      }
    });

  program
    .command('rm')
    .description('remove one stored article version')
    .argument('<id>', 'article id')
    .addOption(dbOption())
    .action(async (idArg: string, opts: { db?: string }) => {
      const h = await heavy();
      const id = parseId(idArg);
      if (!existsSync(h.resolveDbPath(opts.db)))
        throw new InputError(`no corpus at ${h.resolveDbPath(opts.db)}: run "unspun add <paths…>" first or pass --db`);
      const ok = await withStore(opts.db, 'write', (store) => h.removeArticle(store, id));
      if (!ok) throw new InputError(`no article with id ${id}`);
      process.stdout.write(`removed ${id}\n`);
    });

  program
    .command('export')
    .description('export the corpus (one JSON object per line, re-ingestable by "unspun add")')
    .addOption(dbOption())
    .option('--jsonl', 'JSON Lines (the default and only format)')
    .option(
      '--text-only',
      'leave out the stored analyses (smaller; "add" then re-extracts the text, which may differ slightly)',
    )
    .addHelpText(
      'after',
      '\nMove a corpus to PostgreSQL (exactly: same texts, hashes and versions):\n  unspun export --db unspun.db | unspun add - --db postgres://unspun@db.internal/news',
    )
    .action(async (opts: { db?: string; textOnly?: boolean }) => {
      const h = await heavy();
      await withStore(opts.db, 'read', async (store) => {
        for await (const line of h.exportJsonl(store, { textOnly: opts.textOnly, onWarning: warnLine })) {
          // Wait for a slow reader instead of buffering the whole corpus in memory.
          if (!process.stdout.write(line.endsWith('\n') ? line : line + '\n')) await once(process.stdout, 'drain');
        }
      });
    });
}

/** Trace as text; article fields are shown with control characters escaped. */
export function traceToText(r: TraceResult): string {
  const out = [
    `Trace: ${r.query.title ?? (r.query.id !== null ? `#${r.query.id}` : 'article')} — ${r.candidates.length} candidate(s)`,
  ];
  for (const c of r.candidates) {
    out.push(
      `  ${c.role.padEnd(8)} #${c.id} ${c.title ?? ''}${c.outlet ? ` · ${c.outlet}` : ''}${c.published ? ` · ${c.published}` : ''}`,
    );
    out.push(
      `           ${c.relation.verdict} (${c.relation.confidence.toFixed(2)}), direction ${c.relation.direction}, score ${c.score.toFixed(3)}, support ${pct(c.scores.derivedSupport)}, ${c.findings.length} findings`,
    );
    for (const f of c.findings.filter((f) => f.severity === 'high' || f.severity === 'medium').slice(0, 3))
      out.push(`             ${f.severity} ${f.ruleId}: ${f.message}`);
  }
  // Stitched: blocks of sentences (two or more each) came first from different sources. A sibling that copied the
  // same origin is a second source of the same sentences, not a second block; one matching headline is no block.
  const heads = new Map<number, number>();
  for (const s of r.sentences) if (s.sources.length) heads.set(s.sources[0], (heads.get(s.sources[0]) ?? 0) + 1);
  const stitched = [...heads.values()].filter((n) => n >= 2);
  if (stitched.length > 1)
    out.push(
      `  stitched from ${stitched.length} sources: ${r.sentences
        .filter((s) => s.sources.length)
        .map((s) => `s${s.id}←${s.sources.map((x) => '#' + x).join('/')}`)
        .join(' ')}`,
    );
  return safeText(out.join('\n') + '\n');
}

export function familiesToText(r: FamiliesResult): string {
  if (!r.families.length) return 'No reuse families found.\n';
  const out: string[] = [];
  for (const f of r.families) {
    out.push(`Family ${f.id}: ${f.members.length} articles, origin #${f.origin}`);
    for (const m of f.members) out.push(`  #${m.id} ${m.title ?? m.url ?? ''}${m.outlet ? ` · ${m.outlet}` : ''}`);
    for (const e of f.edges)
      out.push(`  #${e.from} ${e.directed ? 'copied from' : 'shares text with'} #${e.to} (${e.verdict})`);
    if (f.related.length) out.push('  related coverage (not copies in this family):');
    for (const x of f.related)
      out.push(
        `    #${x.id} ${x.title ?? x.url ?? ''}${x.outlet ? ` · ${x.outlet}` : ''} — ${x.verdict} with #${x.with}${x.family ? `, in family ${x.family}` : ''}`,
      );
  }
  return safeText(out.join('\n') + '\n');
}
