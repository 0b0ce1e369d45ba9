import { cleanInline, looksLikeHeading, wordCount, type Unit } from './units.js';

/**
 * Wire copy in the PA/METER teletype layout:
 *
 *   ------------------------------------------------------------------------
 *                16:54 01/03/00: Page 1 (ZSM) COURTS Example        ← slug line
 *   ------------------------------------------------------------------------
 *   HEADLINE IN CAPITALS<                                            ← `<` ends a paragraph
 *   ^YBy Jane Doe, PA News<                                          ← 0x19 starts one
 *   ^YA hard-wrapped paragraph with ``double backquote'' quotes and
 *   a #500 fine (7-bit copy has no pound sign).<
 *   ^Ymfl<                                                           ← "more follows later" marker
 * A parenthesised desk note may open the copy: "(with pics)<", "(corrected repetition …) HEADLINE<" — boilerplate.
 */

const PARA_MARK = '\u0019';
const SLUG = /^\s*(\d{1,2}):(\d{2}) (\d{2})\/(\d{2})\/(\d{2}):\s*Page \d+.*$/;
const RULE = /^\s*[-=_]{10,}\s*$/;
/** Trailer markers: end, ends, mf/mfl ("more follows (later)"), more, and an agency credit line. */
const MARKER = /^(end|ends|mf|mfl|more|AP)$/i;
/** Desk notes before the story: "(with pics)", "(corrected repetition, correcting address in second par)". */
const DESK_NOTE = /^\([^()]*\)[.\s]*/;
const BYLINE = /^By (.+?),\s*(PA News|Press Association)$/;

export interface WireResult {
  units: Unit[];
  headline: string | null;
  byline: string | null;
  outlet: string | null;
  /** From the slug line: `16:54 01/03/00` → `2000-03-01T16:54`. */
  published: string | null;
}

/** Two or more layout cues: 0x19 paragraph marks, a slug line, dashed rules, lines ending in `<`. */
export function looksLikeWire(text: string): boolean {
  const lines = text.split(/\r?\n/);
  const cues = [
    (text.match(/\u0019/g)?.length ?? 0) >= 2,
    lines.some((l) => SLUG.test(stripTags(l))),
    lines.filter((l) => RULE.test(l)).length >= 2,
    lines.filter((l) => /[^\s<]<\s*$/.test(l)).length >= 3,
  ];
  return cues.filter(Boolean).length >= 2;
}

/** Wire copy → units: rules dropped, slug and trailer markers kept as boilerplate, hard-wrapped lines joined. */
export function wireUnits(raw: string): WireResult {
  const text = /<\/?[a-z][^>]*>/i.test(raw) ? htmlToLines(raw) : raw;
  const out: WireResult = { units: [], headline: null, byline: null, outlet: null, published: null };
  let para: string[] = [];
  const flush = () => {
    let t = normaliseWire(cleanInline(para.join(' ')));
    para = [];
    const note = out.units.some((u) => !u.boilerplate) ? null : DESK_NOTE.exec(t);
    if (note) {
      out.units.push({ text: note[0].trim(), kind: 'paragraph', boilerplate: 'wire-note' });
      t = t.slice(note[0].length);
    }
    if (/[\p{L}\d]/u.test(t)) out.units.push(classify(t, out)); // a lone "." or "<" is layout
  };
  for (const rawLine of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = rawLine;
    if (line.startsWith(PARA_MARK)) flush();
    line = line.replaceAll(PARA_MARK, '').trimEnd();
    if (RULE.test(line) || !line.trim()) {
      flush();
      continue;
    }
    const slug = SLUG.exec(line);
    if (slug) {
      flush();
      out.units.push({ text: cleanInline(line), kind: 'paragraph', boilerplate: 'wire-slug' });
      out.published ??= slugDate(slug);
      continue;
    }
    const closes = line.endsWith('<');
    para.push(closes ? line.slice(0, -1) : line);
    if (closes) flush();
  }
  flush();
  // An advisory is nothing but a desk note ("(STRICTLY NOT FOR PUBLICATION: …)"): then the note is the text.
  if (!out.units.some((u) => !u.boilerplate))
    for (const u of out.units) if (u.boilerplate === 'wire-note') delete u.boilerplate;
  return out;
}

/** Headline (first body unit, capitals), byline (`By X, PA News`) and trailer markers. */
function classify(t: string, out: WireResult): Unit {
  if (MARKER.test(t)) return { text: t, kind: 'paragraph', boilerplate: `wire-marker: "${t}"` };
  const body = out.units.filter((u) => !u.boilerplate).length;
  const by = BYLINE.exec(t);
  if (by && body <= 1) {
    out.byline ??= by[1];
    out.outlet ??= by[2];
    return { text: t, kind: 'paragraph', boilerplate: 'byline' };
  }
  if (body === 0 && !out.headline && looksLikeHeading(t) && upperShare(t) >= 0.7) {
    out.headline = t;
    return { text: t, kind: 'heading' };
  }
  // Timeline and section labels inside a story: "1999", "Background".
  if (wordCount(t) <= 3 && !/[.!?,;:"')]$/.test(t)) return { text: t, kind: 'heading' };
  return { text: t, kind: 'paragraph' };
}

/** Share of letters in capitals: headlines keep a few lower-case letters ("JAILED Pcs", "50mph"). */
function upperShare(t: string): number {
  const letters = t.replace(/[^\p{L}]/gu, '');
  return letters.length ? letters.replace(/[^\p{Lu}]/gu, '').length / letters.length : 0;
}

/** 7-bit wire conventions → ordinary text: ``…'' → "…", `x' → 'x', #500 → £500, " _ " → " - ". */
export function normaliseWire(s: string): string {
  return s
    .replace(/``|''/g, '"')
    .replace(/`/g, "'")
    .replace(/#(?=\d)/g, '£')
    .replace(/ _ /g, ' - ')
    .replace(/^::\s*/, ''); // list bullet in timelines
}

function slugDate(m: RegExpExecArray): string {
  const [, hh, mi, dd, mo, yy] = m;
  const year = Number(yy) < 70 ? 2000 + Number(yy) : 1900 + Number(yy);
  return `${year}-${mo}-${dd}T${hh.padStart(2, '0')}:${mi}`;
}

/** Some wire files are wrapped in a bare HTML page: keep the line structure, drop the tags. */
function htmlToLines(html: string): string {
  return html
    .replace(/<head[\s\S]*?<\/head>/gi, '')
    .replace(/<(br|hr|p|\/p|\/h\d|h\d|\/div|div|\/center)(\s[^>]*)?>/gi, '\n')
    .replace(/<\/?[a-z][^>]*>/gi, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n)))
    .replace(/&amp;/g, '&');
}

function stripTags(s: string): string {
  return s.replace(/<[^>]*>/g, '');
}
