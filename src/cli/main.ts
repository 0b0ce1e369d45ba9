import { writeFileSync, readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { Command, CommanderError, Option } from 'commander';
import { InputError, ThresholdError } from '../errors.js';
import { readInput, type RawInput } from './io.js';
import { allowPrivateOption, maxBytesOption } from './options.js';
import { safeLine } from '../report/sanitize.js';
import { SEVERITIES } from '../report/format.js';
import { TOOL } from '../version.js';
import type { Analysis, Severity, SeveritySetting } from '../types.js';
import { registerCorpusCommands } from './corpus.js';
import { registerDemo } from './demo.js';
import { registerQueueCommands } from './queue.js';
import { registerQuotes } from './quotes.js';
import { registerServe } from './serve.js';

// Start-up: this file and what it imports statically must stay light (`unspun --version` ≤ 100 ms).
// Each action imports the kernel, reports and store it needs with `await import()` (static specifiers only).

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, threshold: 1, input: 2, internal: 3 } as const;

async function analyseRaw(raw: RawInput): Promise<Analysis> {
  const [{ extract }, { analyze }] = await Promise.all([import('../ingest/index.js'), import('../nlp/index.js')]);
  return analyze(extract(raw.bytes, { format: raw.format, url: raw.url }));
}

function warn(a: Analysis, label: string): void {
  for (const w of a.warnings) process.stderr.write(`unspun: warning: ${safeLine(label)}: ${safeLine(w)}\n`);
}

const color = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('unspun')
    .description(
      'Forensics for rewritten news: which articles are rewrites of which, and what the rewrite kept, changed, dropped and added.',
    )
    .version(TOOL.version)
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  program
    .command('analyze')
    .description('analyse one article: sentences, quotes, attributions, numbers, entities, hedges, boilerplate removed')
    .argument('<input>', 'file path, http(s) URL, or - for stdin')
    .option('--json', 'print one JSON document (schema unspun.analysis/2)')
    .option('--tokens', 'include tokens in --json output')
    .addOption(maxBytesOption())
    .addOption(allowPrivateOption())
    .addHelpText(
      'after',
      '\nExamples:\n  unspun analyze story.html\n  curl -s https://example.org/story | unspun analyze - --json',
    )
    .action(
      async (
        input: string,
        opts: { json?: boolean; tokens?: boolean; maxBytes: number; allowPrivateUrls?: boolean },
      ) => {
        const raw = await readInput(input, { maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivateUrls });
        const a = await analyseRaw(raw);
        warn(a, raw.label);
        const { analysisToJson, analysisToTerminal } = await import('../report/analysis.js');
        if (opts.json) process.stdout.write(JSON.stringify(analysisToJson(a, { tokens: opts.tokens }), null, 2) + '\n');
        else process.stdout.write(analysisToTerminal(a, raw.label));
      },
    );

  program
    .command('compare')
    .description(
      'compare a source article with a suspected rewrite: alignment, verdict, and findings with evidence on both sides',
    )
    .argument('[source]', 'the original: file path, http(s) URL, or -')
    .argument('[derived]', 'the suspected rewrite: file path, http(s) URL, or -')
    .option('--json', 'print one JSON document (schema unspun.compare/3)')
    .option(
      '--pairs <file>',
      'compare many pairs from JSON Lines ({"id","source","derived"} texts, or "source_file"/"derived_file") or CSV (source,derived[,id] paths): one JSON line per pair, both cores',
    )
    .option('--workers <n>', 'worker threads for --pairs (default: cores, at most 2)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--html <file>', 'also write a self-contained HTML report (side by side, findings highlighted)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(SEVERITIES),
    )
    .option(
      '--rule <id=severity>',
      'set a rule to off|high|medium|low|info (repeatable)',
      (v: string, acc: string[]) => [...acc, v],
      [] as string[],
    )
    .option('--config <file>', 'JSON rule config, ESLint-style: {"rules": {"hedge-added": "off"}}')
    .option('--verbose', "also the decision-table row and quantities behind the verdict, and the spans' offsets")
    .addOption(
      new Option(
        '--orient <mode>',
        'when the content says the inputs are swapped: check (warn; fabricated/added findings held at medium), auto (compare the other way round), as-given (the order is right)',
      )
        .choices(['check', 'auto', 'as-given'])
        .default('check'),
    )
    .addOption(maxBytesOption())
    .addOption(allowPrivateOption())
    .addHelpText(
      'after',
      '\nExit codes: 0 ok, 1 --fail-on threshold met or some --pairs records failed, 2 bad input or usage, 3 internal error.\n\nExamples:\n  unspun compare wire.txt farm.html\n  unspun compare wire.txt farm.html --html report.html --fail-on high\n  unspun compare a.txt b.txt --rule hedge-added=off --json\n  unspun compare --pairs pairs.jsonl > results.jsonl',
    )
    .action(
      async (
        sourceArg: string | undefined,
        derivedArg: string | undefined,
        opts: {
          json?: boolean;
          format: string;
          html?: string;
          failOn?: Severity;
          rule: string[];
          config?: string;
          maxBytes: number;
          allowPrivateUrls?: boolean;
          pairs?: string;
          workers?: string;
          verbose?: boolean;
          orient: 'check' | 'auto' | 'as-given';
        },
      ) => {
        if (opts.html) checkWritableFolder(opts.html, '--html');
        const { loadRuleConfig, parseRuleFlag } = await import('./rules.js');
        const rules: Record<string, SeveritySetting> = {};
        if (opts.config) Object.assign(rules, loadRuleConfig(readConfig(opts.config)));
        for (const r of opts.rule) Object.assign(rules, parseRuleFlag(r));
        if (opts.pairs !== undefined) {
          if (sourceArg !== undefined)
            throw new InputError('give either --pairs <file> or <source> <derived>, not both');
          const { comparePairsCommand } = await import('./pairs.js');
          return comparePairsCommand(opts.pairs, { rules, workers: opts.workers });
        }
        if (sourceArg === undefined || derivedArg === undefined)
          throw new InputError('compare needs <source> and <derived> (or --pairs <file>)');
        if (sourceArg === '-' && derivedArg === '-')
          throw new InputError('only one of <source> and <derived> can be - (stdin)');
        const read = { maxBytes: opts.maxBytes, allowPrivate: opts.allowPrivateUrls };
        const [s, d] = [await readInput(sourceArg, read), await readInput(derivedArg, read)];
        const [sa, da] = [await analyseRaw(s), await analyseRaw(d)];
        warn(sa, s.label);
        warn(da, d.label);
        const [{ compareAnalyses }, { loadVectors }, { loadLexicon }] = await Promise.all([
          import('../compare.js'),
          import('../align/vectors.js'),
          import('../align/words/wordnet.js'),
        ]);
        const run = (a: typeof sa, b: typeof da, ab: typeof s, bb: typeof d) =>
          compareAnalyses(a, b, {
            vectors: loadVectors(),
            lexicon: loadLexicon(),
            rules,
            sourceBytes: ab.bytes,
            derivedBytes: bb.bytes,
            orientation: opts.orient === 'as-given' ? 'confirmed' : 'check',
          });
        let result = run(sa, da, s, d);
        let labels = { source: s.label, derived: d.label };
        if (opts.orient === 'auto' && result.order.likelyReversed) {
          // The content says the inputs are swapped: read them the other way round.
          process.stderr.write(
            `unspun: --orient auto: ${safeLine(d.label)} reads like the original; comparing it as the source\n`,
          );
          result = run(da, sa, d, s);
          labels = { source: d.label, derived: s.label };
        }
        const format = opts.json ? 'json' : opts.format;
        if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
        else if (format === 'markdown')
          process.stdout.write((await import('../report/markdown.js')).compareToMarkdown(result, labels));
        else
          process.stdout.write(
            (await import('../report/terminal.js')).compareToTerminal(
              result,
              { color: color(), verbose: opts.verbose },
              labels,
            ),
          );
        if (opts.html) {
          const { compareToHtml } = await import('../report/html.js');
          try {
            writeFileSync(opts.html, compareToHtml(result, labels));
          } catch (err) {
            throw new InputError(
              `--html ${opts.html}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
            );
          }
          process.stderr.write(`unspun: wrote ${safeLine(opts.html)}\n`);
        }
        if (opts.failOn) {
          const limit = SEVERITIES.indexOf(opts.failOn);
          const hits = result.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= limit);
          if (hits.length) throw new ThresholdError(`${hits.length} finding(s) at or above ${opts.failOn}`);
        }
      },
    );

  registerCorpusCommands(program);
  registerQuotes(program);
  registerQueueCommands(program);
  registerDemo(program);
  registerServe(program);
  return program;
}

/** `--html out/report.html` into a missing folder fails before any work, not after the report was printed. */
export function checkWritableFolder(file: string, flag: string): void {
  const dir = dirname(resolve(file));
  let ok = false;
  try {
    ok = statSync(dir).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) throw new InputError(`${flag} ${file}: folder ${dir} does not exist`);
  try {
    if (statSync(file).isDirectory()) throw new InputError(`${flag} ${file} is a folder; give a file name`);
  } catch (err) {
    if (err instanceof InputError) throw err;
  }
}

function readConfig(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new InputError(`--config ${path}: ${(err as Error).message.split('\n')[0]}`);
  }
}

/** Runs the CLI and maps every outcome to an exit code; a stack trace only with UNSPUN_DEBUG=1. */
export async function main(argv: string[]): Promise<number> {
  quietOnClosedPipe();
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help')
        return EXIT.ok;
      return EXIT.input; // commander already printed the one-line reason
    }
    if (err instanceof ThresholdError) {
      process.stderr.write(`unspun: ${safeLine(err.message)}\n`);
      return EXIT.threshold;
    }
    if (err instanceof InputError) {
      process.stderr.write(`unspun: ${safeLine(err.message)}\n`);
      return EXIT.input;
    }
    process.stderr.write(
      `unspun: internal error: ${safeLine(String((err as Error)?.message ?? err).split('\n')[0])}\n`,
    );
    if (process.env.UNSPUN_DEBUG === '1') process.stderr.write(String((err as Error)?.stack) + '\n');
    else process.stderr.write('unspun: run with UNSPUN_DEBUG=1 for details\n');
    return EXIT.internal;
  }
}

/**
 * `unspun export | head -1`: the reader went away, which is not an error. Exit quietly (0) instead of printing
 * an EPIPE stack trace; any other stdout error is reported on one line.
 */
function quietOnClosedPipe(): void {
  if (process.stdout.listenerCount('error') > 0) return;
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(EXIT.ok);
    process.stderr.write(`unspun: cannot write output: ${err.code ?? err.message}\n`);
    process.exit(EXIT.input);
  });
}
