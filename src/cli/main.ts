import { loadVectors } from '../align/vectors.js';
import { writeFileSync, readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { InputError, ThresholdError } from '../errors.js';
import { extract } from '../ingest/index.js';
import { analyze } from '../nlp/index.js';
import { compareAnalyses } from '../compare.js';
import { loadRuleConfig, parseRuleFlag } from './rules.js';
import { readInput, parseBytes, DEFAULT_MAX_BYTES, type RawInput } from './io.js';
import { analysisToJson, analysisToTerminal } from '../report/analysis.js';
import { compareToTerminal } from '../report/terminal.js';
import { compareToMarkdown } from '../report/markdown.js';
import { compareToHtml } from '../report/html.js';
import { SEVERITIES } from '../report/format.js';
import { TOOL } from '../version.js';
import type { Analysis, Severity, SeveritySetting } from '../types.js';
import { registerCorpusCommands } from './corpus.js';
import { registerDemo } from './demo.js';
import { registerQueueCommands } from './queue.js';

/** Exit codes shared by every command. */
export const EXIT = { ok: 0, threshold: 1, input: 2, internal: 3 } as const;

function analyseRaw(raw: RawInput): Analysis {
  return analyze(extract(raw.bytes, { format: raw.format, url: raw.url }));
}

function warn(a: Analysis, label: string): void {
  for (const w of a.warnings) process.stderr.write(`unspun: warning: ${label}: ${w}\n`);
}

const color = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

export function buildProgram(): Command {
  const program = new Command();
  program
    .name('unspun')
    .description('Forensics for rewritten news: which articles are rewrites of which, and what the rewrite kept, changed, dropped and added.')
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
    .option('--max-bytes <size>', 'reject larger inputs (e.g. 10MB)', String(DEFAULT_MAX_BYTES))
    .addHelpText('after', '\nExamples:\n  unspun analyze story.html\n  curl -s https://example.org/story | unspun analyze - --json')
    .action(async (input: string, opts: { json?: boolean; tokens?: boolean; maxBytes: string }) => {
      const raw = await readInput(input, parseBytes(opts.maxBytes));
      const a = analyseRaw(raw);
      warn(a, raw.label);
      if (opts.json) process.stdout.write(JSON.stringify(analysisToJson(a, { tokens: opts.tokens }), null, 2) + '\n');
      else process.stdout.write(analysisToTerminal(a, raw.label));
    });

  program
    .command('compare')
    .description('compare a source article with a suspected rewrite: alignment, verdict, and findings with evidence on both sides')
    .argument('<source>', 'the original: file path, http(s) URL, or -')
    .argument('<derived>', 'the suspected rewrite: file path, http(s) URL, or -')
    .option('--json', 'print one JSON document (schema unspun.compare/2)')
    .addOption(new Option('--format <format>', 'report format').choices(['text', 'markdown', 'json']).default('text'))
    .option('--html <file>', 'also write a self-contained HTML report (side by side, findings highlighted)')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding at or above this severity exists').choices(SEVERITIES))
    .option('--rule <id=severity>', 'set a rule to off|high|medium|low|info (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--config <file>', 'JSON rule config, ESLint-style: {"rules": {"hedge-added": "off"}}')
    .option('--max-bytes <size>', 'reject larger inputs (e.g. 10MB)', String(DEFAULT_MAX_BYTES))
    .addHelpText('after', '\nExit codes: 0 ok, 1 --fail-on threshold met, 2 bad input or usage, 3 internal error.\n\nExamples:\n  unspun compare wire.txt farm.html\n  unspun compare wire.txt farm.html --html report.html --fail-on high\n  unspun compare a.txt b.txt --rule hedge-added=off --json')
    .action(async (sourceArg: string, derivedArg: string, opts: { json?: boolean; format: string; html?: string; failOn?: Severity; rule: string[]; config?: string; maxBytes: string }) => {
      const rules: Record<string, SeveritySetting> = {};
      if (opts.config) Object.assign(rules, loadRuleConfig(readConfig(opts.config)));
      for (const r of opts.rule) Object.assign(rules, parseRuleFlag(r));
      if (sourceArg === '-' && derivedArg === '-') throw new InputError('only one of <source> and <derived> can be - (stdin)');
      const maxBytes = parseBytes(opts.maxBytes);
      const [s, d] = [await readInput(sourceArg, maxBytes), await readInput(derivedArg, maxBytes)];
      const [sa, da] = [analyseRaw(s), analyseRaw(d)];
      warn(sa, s.label);
      warn(da, d.label);
      const result = compareAnalyses(sa, da, { vectors: loadVectors(), rules, sourceBytes: s.bytes, derivedBytes: d.bytes });
      const labels = { source: s.label, derived: d.label };
      const format = opts.json ? 'json' : opts.format;
      if (format === 'json') process.stdout.write(JSON.stringify(result, null, 2) + '\n');
      else if (format === 'markdown') process.stdout.write(compareToMarkdown(result, labels));
      else process.stdout.write(compareToTerminal(result, { color: color() }, labels));
      if (opts.html) {
        writeFileSync(opts.html, compareToHtml(result, labels));
        process.stderr.write(`unspun: wrote ${opts.html}\n`);
      }
      if (opts.failOn) {
        const limit = SEVERITIES.indexOf(opts.failOn);
        const hits = result.findings.filter((f) => SEVERITIES.indexOf(f.severity) <= limit);
        if (hits.length) throw new ThresholdError(`${hits.length} finding(s) at or above ${opts.failOn}`);
      }
    });

  registerCorpusCommands(program);
  registerQueueCommands(program);
  registerDemo(program);
  return program;
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
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return EXIT.ok;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === 'commander.helpDisplayed' || err.code === 'commander.version' || err.code === 'commander.help') return EXIT.ok;
      return EXIT.input; // commander already printed the one-line reason
    }
    if (err instanceof ThresholdError) {
      process.stderr.write(`unspun: ${err.message}\n`);
      return EXIT.threshold;
    }
    if (err instanceof InputError) {
      process.stderr.write(`unspun: ${err.message}\n`);
      return EXIT.input;
    }
    process.stderr.write(`unspun: internal error: ${(err as Error)?.message ?? String(err)}\n`);
    if (process.env.UNSPUN_DEBUG === '1') process.stderr.write(String((err as Error)?.stack) + '\n');
    else process.stderr.write('unspun: run with UNSPUN_DEBUG=1 for details\n');
    return EXIT.internal;
  }
}
