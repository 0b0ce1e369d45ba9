import type { Analysis } from '../types.js';
import { clip } from './format.js';
import { safeLine, safeText } from './sanitize.js';

/** The analysis as printed by `analyze --json`: tokens only on request (they dominate the size). */
export function analysisToJson(a: Analysis, opts: { tokens?: boolean } = {}): object {
  const { tokens, sentences, ...rest } = a;
  return {
    ...rest,
    sentences: sentences.map(({ id, kind, start, end, text }) => ({ id, kind, start, end, text })),
    ...(opts.tokens ? { tokens } : {}),
  };
}

/** Items printed per sentence and kind, and characters per item: output stays proportional to the input. */
const MAX_ITEMS = 50;
const MAX_ITEM_CHARS = 300;

/** Buckets items by sentence id in one pass (was a filter over all items per sentence: O(sentences × items)). */
function bySentence<T>(items: T[], key: (x: T) => number | undefined): Map<number, T[]> {
  const m = new Map<number, T[]>();
  for (const x of items) {
    const k = key(x);
    if (k === undefined) continue;
    const list = m.get(k);
    if (list) list.push(x);
    else m.set(k, [x]);
  }
  return m;
}

/** The sentence containing [start,end), by binary search over sentence starts. */
function sentenceAt(a: Analysis, start: number, end: number): number | undefined {
  let lo = 0;
  let hi = a.sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (a.sentences[mid].start <= start) lo = mid + 1;
    else hi = mid - 1;
  }
  const s = a.sentences[hi];
  return s && end <= s.end ? s.id : undefined;
}

/** A readable dump: each sentence with what analysis found in it, then the boilerplate that was set aside. */
export function analysisToTerminal(a: Analysis, label: string): string {
  const clipped = (t: string) => clip(t, MAX_ITEM_CHARS);
  const out: string[] = [];
  out.push(
    safeLine(
      `${a.title ? `"${clip(a.title, 300)}"` : label}${a.byline ? ` · ${clip(a.byline, 200)}` : ''}${a.published ? ` · ${a.published}` : ''} · language ${a.language ?? '?'}`,
    ),
  );
  out.push(
    `${a.sentences.length} sentences, ${a.entities.length} entities, ${a.numbers.length} numbers, ${a.quotes.length} quotes, ${a.attributions.length} attributions, ${a.hedges.length} hedges`,
  );
  for (const w of a.warnings) out.push(safeLine(`warning: ${w}`));
  out.push('');
  const attributions = bySentence(a.attributions, (x) => x.sentence);
  const quotes = bySentence(a.quotes, (q) => q.sentences[0]);
  const numbers = bySentence(a.numbers, (x) => x.sentence);
  const entities = bySentence(a.entities, (x) => x.sentence);
  const descriptions = bySentence(a.speakerDescriptions, (d) => sentenceAt(a, d.start, d.end));
  const hedges = bySentence(a.hedges, (x) => x.sentence);
  const negations = bySentence(a.negations, (x) => x.sentence);
  const some = <T>(xs: T[] | undefined): T[] => (xs ?? []).slice(0, MAX_ITEMS);
  const more = (xs: T0[] | undefined, what: string) => {
    if (xs && xs.length > MAX_ITEMS) out.push(`     … ${xs.length - MAX_ITEMS} more ${what}`);
  };
  for (const s of a.sentences) {
    out.push(safeText(`[${s.id}]${s.kind === 'heading' ? ' (heading)' : ''} ${s.text}`));
    const line = (t: string) => out.push(safeLine(t));
    for (const at of some(attributions.get(s.id))) {
      line(
        `     attribution: ${at.speaker ? clipped(at.speaker.name) : '?'} — "${at.verb.text}" (${at.verb.stance}, ${at.kind}${at.speaker && at.speaker.via !== 'name' ? `, speaker via ${at.speaker.via}` : ''}): ${clipped(at.content.text)}`,
      );
    }
    more(attributions.get(s.id), 'attributions');
    for (const q of some(quotes.get(s.id)))
      line(`     quote: ${clipped(q.text)}${q.speaker ? ` — ${clipped(q.speaker.name)}` : ''}`);
    more(quotes.get(s.id), 'quotes');
    for (const n of some(numbers.get(s.id)))
      line(
        `     number: ${clipped(n.text)} → ${n.value}${n.valueMax !== undefined ? `–${n.valueMax}` : ''}${n.unit ? ` ${n.unit}` : ''} (${n.kind}, ${n.qualifier}${n.datePart ? `, ${n.datePart}` : ''})`,
      );
    more(numbers.get(s.id), 'numbers');
    const ents = entities.get(s.id);
    if (ents)
      line(
        `     entities: ${some(ents)
          .map((e) => `${clipped(e.text)} [${e.type}]`)
          .join(', ')}${ents.length > MAX_ITEMS ? `, … ${ents.length - MAX_ITEMS} more` : ''}`,
      );
    for (const d of some(descriptions.get(s.id)))
      line(`     speaker description: ${clipped(d.personName)} = ${clipped(d.description.text)}`);
    const hs = hedges.get(s.id);
    if (hs)
      line(
        `     hedges: ${some(hs)
          .map((h) => `${clipped(h.text)} (${h.kind})`)
          .join(', ')}${hs.length > MAX_ITEMS ? `, … ${hs.length - MAX_ITEMS} more` : ''}`,
      );
    const ns = negations.get(s.id);
    if (ns)
      line(
        `     negations: ${some(ns)
          .map((n) => clipped(n.text))
          .join(', ')}${ns.length > MAX_ITEMS ? `, … ${ns.length - MAX_ITEMS} more` : ''}`,
      );
  }
  if (a.boilerplate.length) {
    out.push('');
    out.push('Boilerplate removed:');
    for (const b of a.boilerplate)
      out.push(safeLine(`  - ${b.text.slice(0, 400).replace(/\s+/g, ' ').slice(0, 100)} (${b.reason})`));
  }
  return out.join('\n') + '\n';
}
type T0 = unknown;
