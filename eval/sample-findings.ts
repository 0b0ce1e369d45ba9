/**
 * Precision by reading (issue 9): runs compare() on outside pairs — llm-rewrites (LLMFake, MixSet, SheepDog originals
 * vs their machine rewrites), METER courts (PA copy vs the newspaper story written from it) and FRANK (article vs model
 * summary) — and prints, per check, a seeded sample of the findings it raises with the message and both spans in
 * their sentences, for a person to judge one by one. The judgement goes into docs/checks/<id>.md
 * ("Precision by reading"). The output quotes dataset text: it goes to tmp/ (git-ignored), never into the repository.
 *
 * One run serves every rule: besides the Markdown it writes `<out>.pairs.json` (per rule, the ids of the pairs that
 * raised it), so a re-sample after a fix that narrows a check re-runs compare() on those pairs only (`--rerun`).
 * LLMFake pairs whose source was cut at 4,000 characters are left out (eval/data.ts `readRewrites`).
 *
 *   npx tsx eval/sample-findings.ts [--rule negation-flip] [--per 20] [--pairs 80] [--out tmp/sample-findings.md]
 *   npx tsx eval/sample-findings.ts --rule negation-flip --rerun tmp/sample-findings.md.pairs.json --out tmp/nf.md
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Command } from 'commander';
import { readJsonl, readRewrites } from './data.js';
import { loadMeter } from './meter.js';
import { sample } from './spin/suite.js';
import { loadKernel } from './unspun.js';
import type { CompareResult, Finding } from '../src/types.js';

interface Pair {
  set: 'llm-rewrites' | 'meter' | 'frank';
  id: string;
  source: string;
  derived: string;
}

interface Sampled {
  pair: Pair;
  finding: Finding;
  verdict: string;
  /** The sentences the finding's spans sit in (kept instead of the whole result: thousands of pairs are read). */
  sourceSentence: string;
  derivedSentence: string;
}

const DATA = process.env.UNSPUN_DATA ?? join(import.meta.dirname, '../../shared/data');
/** Longer texts are skipped: reading a finding needs its context, and compare time grows with length. */
const MAX_CHARS = 12_000;

function pairs(perSet: number): Pair[] {
  const out: Pair[] = [];
  const keep = (p: Pair) =>
    p.source.length <= MAX_CHARS && p.derived.length <= MAX_CHARS && p.source.trim() && p.derived.trim();
  const llm: Pair[] = [];
  for (const file of ['llmfake-gpt35.jsonl', 'mixset-edits.jsonl', 'sheepdog-politifact-reframings.jsonl']) {
    for (const r of readRewrites(DATA, file)) {
      const how = r.method ?? r.operation ?? r.style ?? '';
      llm.push({
        set: 'llm-rewrites',
        id: `${file.split('-')[0]}:${r.id}:${how}`,
        source: r.source,
        derived: r.derived,
      });
    }
  }
  out.push(...sample(llm.filter(keep), perSet, (p) => p.id, 'reading'));

  const meter = loadMeter(DATA).stories.filter((s) => s.label !== 'non');
  const meterPairs = meter.map(
    (s): Pair => ({ set: 'meter', id: `meter:${s.path}`, source: s.sourceText, derived: s.derivedText }),
  );
  out.push(...sample(meterPairs.filter(keep), perSet, (p) => p.id, 'reading'));

  const frank = readJsonl<{ hash: string; model_name?: string; article: string; summary: string }>(
    join(DATA, 'frank/frank_with_text.jsonl'),
  );
  const frankPairs = frank.map(
    (r, i): Pair => ({
      set: 'frank',
      id: `frank:${r.hash}:${r.model_name ?? i}`,
      source: r.article,
      derived: r.summary,
    }),
  );
  out.push(...sample(frankPairs.filter(keep), perSet, (p) => p.id, 'reading'));
  return out;
}

/** Up to `per` findings of one rule, at most two per pair, in seeded order. */
function pick(all: Sampled[], per: number): Sampled[] {
  const byPair = new Map<string, number>();
  const out: Sampled[] = [];
  for (const s of sample(
    all,
    all.length,
    (x) => `${x.pair.id}|${x.finding.source?.start}|${x.finding.derived?.start}|${x.finding.message}`,
    'pick',
  )) {
    const n = byPair.get(s.pair.id) ?? 0;
    if (n >= 2) continue;
    byPair.set(s.pair.id, n + 1);
    out.push(s);
    if (out.length >= per) break;
  }
  return out;
}

function sentenceOf(r: CompareResult, side: 'source' | 'derived', id: number | undefined): string {
  if (id === undefined) return '';
  return r[side].sentences[id]?.text ?? '';
}

const clip = (s: string, n = 400) => (s.length > n ? s.slice(0, n) + ' …' : s).replace(/\s+/g, ' ');

function render(rule: string, picked: Sampled[], all: Sampled[], seen: Map<string, number>): string {
  const pairsRaised = new Set(all.map((s) => s.pair.id)).size;
  const bySet = [...seen].map(([set, n]) => `${all.filter((s) => s.pair.set === set).length} on ${n} ${set}`);
  const lines = [
    `## ${rule} (${all.length} findings on ${pairsRaised} pairs — ${bySet.join(', ')}; showing ${picked.length})`,
    '',
  ];
  picked.forEach(({ pair, finding: f, verdict, sourceSentence, derivedSentence }, i) => {
    lines.push(`### ${rule} #${i + 1} — ${pair.id} (verdict ${verdict}, ${f.severity}, ${f.messageId})`);
    lines.push(`- message: ${f.message}`);
    lines.push(`- source span: «${clip(f.source?.text ?? '—')}»`);
    if (f.source) lines.push(`  in: «${clip(sourceSentence)}»`);
    lines.push(`- derived span: «${clip(f.derived?.text ?? '—')}»`);
    if (f.derived) lines.push(`  in: «${clip(derivedSentence)}»`);
    lines.push('- judgement: ');
    lines.push('');
  });
  return lines.join('\n');
}

async function main(): Promise<void> {
  const cli = new Command()
    .option('--rule <ids>', 'comma-separated rule ids (default: every rule that fires)')
    .option('--per <n>', 'findings per rule', '20')
    .option('--pairs <n>', 'pairs per outside set', '80')
    .option('--rerun <file>', "a previous run's <out>.pairs.json: compare only the pairs that raised the chosen rules")
    .option(
      '--out <file>',
      'markdown output (quotes dataset text: keep it out of the repository)',
      'tmp/sample-findings.md',
    )
    .parse();
  const opts = cli.opts<{ rule?: string; per: string; pairs: string; out: string; rerun?: string }>();
  if (!existsSync(DATA)) {
    console.error(`sample-findings: data directory not found: ${DATA}`);
    process.exit(2);
  }
  const { kernel } = await loadKernel();
  const wanted = opts.rule ? new Set(opts.rule.split(',')) : null;
  const found = new Map<string, Sampled[]>();
  let list = pairs(Number(opts.pairs));
  if (opts.rerun) {
    let before: Record<string, string[]>;
    try {
      before = JSON.parse(readFileSync(opts.rerun, 'utf8')) as Record<string, string[]>;
    } catch (e) {
      console.error(`sample-findings: cannot read ${opts.rerun}: ${(e as Error).message}`);
      process.exit(2);
    }
    const ids = new Set(Object.entries(before).flatMap(([rule, ids]) => (!wanted || wanted.has(rule) ? ids : [])));
    list = list.filter((p) => ids.has(p.id));
  }
  const seen = new Map<string, number>();
  const started = Date.now();
  list.forEach((pair, i) => {
    if (i % 50 === 0) {
      const eta = i ? Math.round((((Date.now() - started) / i) * (list.length - i)) / 1000) : 0;
      process.stderr.write(`sample-findings: ${i}/${list.length} (about ${eta} s left)\n`);
    }
    let result: CompareResult;
    try {
      result = kernel!.compare(pair.source, pair.derived);
    } catch (e) {
      process.stderr.write(`sample-findings: ${pair.id}: ${(e as Error).message}\n`);
      return;
    }
    seen.set(pair.set, (seen.get(pair.set) ?? 0) + 1);
    for (const finding of result.findings) {
      if (wanted && !wanted.has(finding.ruleId)) continue;
      const bucket = found.get(finding.ruleId) ?? [];
      bucket.push({
        pair,
        finding,
        verdict: result.relation.verdict,
        sourceSentence: sentenceOf(result, 'source', finding.source?.sentence),
        derivedSentence: sentenceOf(result, 'derived', finding.derived?.sentence),
      });
      found.set(finding.ruleId, bucket);
    }
  });
  const parts = [
    `# Findings sampled for reading (${new Date().toISOString().slice(0, 10)}; ${list.length} pairs: ${[...seen].map(([k, n]) => `${n} ${k}`).join(', ')}; generated, quotes dataset text — never commit)`,
    '',
  ];
  const counts: string[] = [];
  const raisedBy: Record<string, string[]> = {};
  for (const [rule, all] of [...found].sort((a, b) => a[0].localeCompare(b[0]))) {
    parts.push(render(rule, pick(all, Number(opts.per)), all, seen));
    counts.push(`${rule}: ${all.length}`);
    raisedBy[rule] = [...new Set(all.map((s) => s.pair.id))];
  }
  mkdirSync(dirname(opts.out), { recursive: true });
  writeFileSync(opts.out, parts.join('\n'));
  writeFileSync(`${opts.out}.pairs.json`, JSON.stringify(raisedBy));
  console.log(`sample-findings: wrote ${opts.out} (${counts.join(', ')})`);
}

await main();
