import type { QuoteAppearance, QuoteMutation, QuotesResult, QuoteTrail } from '../corpus/quotes/provenance.js';
import type { WordDiffOp } from '../corpus/quotes/word-diff.js';
import { safeLine } from './sanitize.js';
import { MIN_QUOTE_WORDS } from '../checks/evidence/quotes.js';

/** Plain words for each mutation, shared by the terminal, Markdown and the web page. */
export const MUTATION_LABELS: Record<QuoteMutation, string> = {
  'words-changed': 'words changed',
  'speaker-changed': 'speaker changed',
  'speaker-dropped': 'speaker dropped',
  'speaker-added': 'speaker added',
  'quote-to-paraphrase': 'quote turned into paraphrase',
  'paraphrase-to-quote': 'paraphrase put in quotation marks',
  'possibly-fabricated': 'possibly fabricated: no earlier stored article has these words',
};

/** How the appearances are ordered, in words. */
export function orderWords(t: Pick<QuoteTrail, 'order'>): string {
  return t.order === 'published'
    ? 'earliest published first'
    : 'in the order they were added (not every article has a published date)';
}

/** The speaker as an article gives it: "Maria Lenz (a spokeswoman for …)", or "no speaker". */
export function speakerWords(a: Pick<QuoteAppearance, 'speaker'>): string {
  if (!a.speaker) return 'no speaker';
  return a.speaker.description ? `${a.speaker.name} (${a.speaker.description})` : a.speaker.name;
}

/** A word diff in one line: kept words plain, `[was → now]`, `{+added+}`, `[-removed-]`. */
export function diffToText(ops: WordDiffOp[]): string {
  return ops
    .map((o) =>
      o.op === 'same'
        ? o.text
        : o.op === 'changed'
          ? `[${o.was} → ${o.text}]`
          : o.op === 'added'
            ? `{+${o.text}+}`
            : `[-${o.was}-]`,
    )
    .join(' ');
}

/** `unspun quotes` in the terminal: per quote, its wordings earliest first, each appearance with its mutations. */
export function quotesToText(r: QuotesResult): string {
  const out: string[] = [];
  if (!r.trails.length)
    out.push(`Article #${r.query.article} has no direct quotes of ${MIN_QUOTE_WORDS} words or more.`);
  for (const t of r.trails) {
    out.push(
      `Quote: “${safeLine(clip(t.query, 100))}” — ${t.counts.appearances} appearance(s): ${t.counts.quoted} quoted, ${t.counts.paraphrased} restated without quotation marks; ${orderWords(t)}`,
    );
    if (!t.earliest) {
      out.push('  not found in the corpus', '');
      continue;
    }
    out.push(`  earliest: ${article(t.earliest)} — ${safeLine(speakerWords(t.earliest))}`);
    for (const w of t.wordings) {
      const head =
        w.form === 'quote' ? '“' + safeLine(clip(w.text, 140)) + '”' : `restated: ${safeLine(clip(w.text, 140))}`;
      out.push('', `  ${head} — ${w.appearances.length} article(s)`);
      if (w.diff) out.push(`    words vs earliest: ${safeLine(diffToText(w.diff))}`);
      for (const a of w.appearances) {
        const marks = a.mutations.map((m) => MUTATION_LABELS[m]).join('; ');
        out.push(`    ${article(a)} — ${safeLine(speakerWords(a))}${marks ? `  ⚠ ${marks}` : ''}`);
      }
    }
    out.push('');
  }
  return out.join('\n') + '\n';
}

function article(a: QuoteAppearance): string {
  const m = a.article;
  return `#${m.id} ${safeLine(clip(m.title ?? '(untitled)', 70))}${m.outlet ? ` · ${safeLine(m.outlet)}` : ''}${m.published ? ` · ${safeLine(m.published.slice(0, 10))}` : ''}`;
}

export function clip(s: string, n: number): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  return flat.length > n ? `${flat.slice(0, n - 1)}…` : flat;
}
