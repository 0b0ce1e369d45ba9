import { cleanInline, endsLikeSentence, looksLikeHeading, type Unit } from './units.js';

/**
 * Plain text → units. Paragraphs are split on blank lines; inside one, lines are joined unless the text is
 * one-paragraph-per-line. A short line standing alone without closing punctuation is a heading.
 */
export function plainUnits(text: string): Unit[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const width = wrapWidth(lines);
  const units: Unit[] = [];
  let para: string[] = [];
  const flush = () => {
    if (para.length) pushPara(units, para);
    para = [];
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (!line) {
      flush();
      continue;
    }
    const prev = para[para.length - 1];
    // A line ending a sentence well short of the wrap width closes its paragraph even without a blank line.
    if (prev !== undefined && endsLikeSentence(prev) && (width === 0 || prev.length < width * 0.8)) flush();
    para.push(line);
  }
  flush();
  return units;
}

function pushPara(units: Unit[], lines: string[]): void {
  const text = cleanInline(lines.join(' '));
  if (!text) return;
  units.push({ text, kind: lines.length === 1 && looksLikeHeading(text) ? 'heading' : 'paragraph' });
}

/** The column text was hard-wrapped at, or 0 when lines are not wrapped (most lines near one maximum, ≤ 100). */
export function wrapWidth(lines: string[]): number {
  const lens = lines.map((l) => l.trimEnd().length).filter((n) => n > 0);
  if (lens.length < 4) return 0;
  const max = Math.max(...lens);
  if (max > 100) return 0;
  const near = lens.filter((n) => n >= max * 0.85).length;
  return near >= lens.length * 0.5 ? max : 0;
}
