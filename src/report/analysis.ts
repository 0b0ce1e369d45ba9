import type { Analysis } from '../types.js';

/** The analysis as printed by `analyze --json`: tokens only on request (they dominate the size). */
export function analysisToJson(a: Analysis, opts: { tokens?: boolean } = {}): object {
  const { tokens, sentences, ...rest } = a;
  return {
    ...rest,
    sentences: sentences.map(({ id, kind, start, end, text }) => ({ id, kind, start, end, text })),
    ...(opts.tokens ? { tokens } : {}),
  };
}

/** A readable dump: each sentence with what analysis found in it, then the boilerplate that was set aside. */
export function analysisToTerminal(a: Analysis, label: string): string {
  const out: string[] = [];
  out.push(`${a.title ? `"${a.title}"` : label}${a.byline ? ` · ${a.byline}` : ''}${a.published ? ` · ${a.published}` : ''} · language ${a.language ?? '?'}`);
  out.push(`${a.sentences.length} sentences, ${a.entities.length} entities, ${a.numbers.length} numbers, ${a.quotes.length} quotes, ${a.attributions.length} attributions, ${a.hedges.length} hedges`);
  for (const w of a.warnings) out.push(`warning: ${w}`);
  out.push('');
  for (const s of a.sentences) {
    out.push(`[${s.id}]${s.kind === 'heading' ? ' (heading)' : ''} ${s.text}`);
    const inS = <T extends { sentence: number }>(xs: T[]) => xs.filter((x) => x.sentence === s.id);
    for (const at of inS(a.attributions)) {
      out.push(`     attribution: ${at.speaker ? at.speaker.name : '?'} — "${at.verb.text}" (${at.verb.stance}, ${at.kind}${at.speaker && at.speaker.via !== 'name' ? `, speaker via ${at.speaker.via}` : ''}): ${at.content.text}`);
    }
    for (const q of a.quotes.filter((q) => q.sentences[0] === s.id)) out.push(`     quote: ${q.text}${q.speaker ? ` — ${q.speaker.name}` : ''}`);
    for (const n of inS(a.numbers)) out.push(`     number: ${n.text} → ${n.value}${n.valueMax !== undefined ? `–${n.valueMax}` : ''}${n.unit ? ` ${n.unit}` : ''} (${n.kind}, ${n.qualifier}${n.datePart ? `, ${n.datePart}` : ''})`);
    const ents = inS(a.entities);
    if (ents.length) out.push(`     entities: ${ents.map((e) => `${e.text} [${e.type}]`).join(', ')}`);
    for (const d of a.speakerDescriptions.filter((d) => d.start >= s.start && d.end <= s.end)) out.push(`     speaker description: ${d.personName} = ${d.description.text}`);
    const hedges = inS(a.hedges);
    if (hedges.length) out.push(`     hedges: ${hedges.map((h) => `${h.text} (${h.kind})`).join(', ')}`);
    const negs = inS(a.negations);
    if (negs.length) out.push(`     negations: ${negs.map((n) => n.text).join(', ')}`);
  }
  if (a.boilerplate.length) {
    out.push('');
    out.push('Boilerplate removed:');
    for (const b of a.boilerplate) out.push(`  - ${b.text.replace(/\s+/g, ' ').slice(0, 100)} (${b.reason})`);
  }
  return out.join('\n') + '\n';
}
