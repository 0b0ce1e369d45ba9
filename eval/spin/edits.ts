/**
 * Known edits for the spin suite, applied to plain text with regular expressions and small word lists of their own
 * (never Unspun's NLP or lexicons: gold made with the measured tool would measure nothing). Each edit returns the
 * new text, where the edited item sits in it, and where the item was in the text it edited — gold by construction.
 */
import type { Rng } from './rng.js';

export type EditKind =
  | 'number-change'
  | 'number-inflate'
  | 'number-blur'
  | 'number-drop'
  | 'verb-swap'
  | 'say-clause-removed'
  | 'quote-to-indirect'
  | 'negation-removed'
  | 'negation-added'
  | 'hedge-added'
  | 'hedge-removed'
  | 'affiliation-dropped'
  | 'editorial-conclusion'
  | 'invented-fact';

/**
 * Which rule must report an edit (recall), and which others may report it without being wrong (precision).
 * quote-altered is always allowed on the edited span: FRANK quotes with single marks, which the edits cannot tell
 * from apostrophes, and an edit inside a quote does alter it.
 */
export const EXPECTED: Record<EditKind, { rule: string; also: string[] }> = {
  'number-change': { rule: 'number-changed', also: ['quote-altered'] },
  'number-inflate': { rule: 'number-changed', also: ['quote-altered'] },
  'number-blur': { rule: 'number-dropped', also: ['quote-altered'] },
  'number-drop': { rule: 'number-dropped', also: ['quote-altered'] },
  'verb-swap': { rule: 'reporting-verb-shift', also: ['quote-altered'] },
  // The speaker goes with the say-clause: entity-dropped and a lost description are true as well.
  'say-clause-removed': {
    rule: 'attribution-removed',
    also: ['entity-dropped', 'speaker-description-changed', 'quote-altered'],
  },
  'quote-to-indirect': { rule: 'quote-removed', also: ['quote-altered'] },
  'negation-removed': { rule: 'negation-flip', also: ['quote-altered'] },
  'negation-added': { rule: 'negation-flip', also: ['quote-altered'] },
  'hedge-added': { rule: 'hedge-added', also: ['quote-altered'] },
  'hedge-removed': { rule: 'hedge-removed', also: ['quote-altered'] },
  'affiliation-dropped': { rule: 'speaker-description-changed', also: ['entity-dropped', 'quote-altered'] },
  'editorial-conclusion': { rule: 'unsupported-content', also: ['quote-altered'] },
  'invented-fact': { rule: 'unsupported-content', also: ['quote-altered'] },
};

export const EDIT_KINDS = Object.keys(EXPECTED) as EditKind[];

/** One edit of a base text. Offsets: `item` into the base text, `mark` into the edited text. */
export interface Edit {
  kind: EditKind;
  text: string;
  /** The edited item in the new text (for a deletion: the sentence that lost it). */
  mark: [number, number];
  /** The item in the base text (the figure, verb, quote, organisation …); null for added sentences. */
  item: [number, number] | null;
}

type Span = [number, number];

/** Sentence spans by a plain rule: end punctuation (and closing quote), whitespace, then an opening capital or quote. */
export function sentenceSpans(text: string): Span[] {
  const out: Span[] = [];
  const re = /[^\s][\s\S]*?(?:[.!?]+["”’)]*(?=\s+["“‘(]?[A-Z0-9])|\n\s*\n|$)/g;
  for (const m of text.matchAll(re)) {
    const s = m.index;
    const e = s + m[0].trimEnd().length;
    if (e > s) out.push([s, e]);
  }
  return out;
}

/**
 * True when `at` is inside quotation marks: an odd number of straight quotes (or more “ than ”) since the paragraph
 * began. News quotes run over several sentences, and a paragraph that continues a quote opens without closing.
 */
export function insideQuote(text: string, at: number): boolean {
  const para = text.slice(text.lastIndexOf('\n', at - 1) + 1, at);
  const straight = (para.match(/"/g) ?? []).length;
  const open = (para.match(/“/g) ?? []).length - (para.match(/”/g) ?? []).length;
  return straight % 2 === 1 || open > 0;
}

const sentenceAt = (text: string, at: number): Span =>
  sentenceSpans(text).find(([s, e]) => at >= s && at <= e) ?? [at, at];
const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const lowerFirst = (s: string): string => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);

const MONTHS =
  'January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec';
const NEAR_DATE = new RegExp(`(?:${MONTHS})\\.?\\s*$`);
const AFTER_DATE = new RegExp(`^(?:st|nd|rd|th)?\\s*(?:${MONTHS})\\b|^\\s*(?:a\\.?m\\.?|p\\.?m\\.?|GMT|BST)\\b|^:\\d`);

/** Candidate regex matches outside quotes, in random order. */
function candidates(
  text: string,
  re: RegExp,
  r: Rng,
  keep: (m: RegExpMatchArray) => boolean = () => true,
): RegExpMatchArray[] {
  return r.shuffle([...text.matchAll(re)].filter((m) => !insideQuote(text, m.index ?? 0) && keep(m)));
}

/** splice() of a whole regex match `m`: `insert` replaces it; the gold item is its first `changed` characters (all). */
function replaceMatch(
  kind: EditKind,
  base: string,
  m: RegExpMatchArray,
  insert: string,
  mark: Span,
  changed = m[0].length,
): Edit {
  return splice(kind, base, m.index!, m[0].length, insert, mark, [m.index!, m.index! + changed]);
}

/** Replace base[at, at+remove) with insert; `mark` is relative to `insert` unless `markSentence`. */
function splice(
  kind: EditKind,
  base: string,
  at: number,
  remove: number,
  insert: string,
  mark: Span | 'sentence',
  item: Span | null,
): Edit {
  const text = base.slice(0, at) + insert + base.slice(at + remove);
  const m: Span = mark === 'sentence' ? sentenceAt(text, at) : [at + mark[0], at + mark[1]];
  return { kind, text, mark: m, item };
}

const NUMBER = /(?<![\w.,$£€:/-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w:/%]|[.,]\d)/g;

function plainNumber(text: string, m: RegExpMatchArray): number | null {
  const at = m.index ?? 0;
  const before = text.slice(Math.max(0, at - 12), at);
  const after = text.slice(at + m[0].length, at + m[0].length + 12);
  if (NEAR_DATE.test(before) || AFTER_DATE.test(after)) return null;
  const v = Number(m[0].replace(/,/g, ''));
  if (!Number.isFinite(v) || (v >= 1900 && v <= 2099 && !m[0].includes(','))) return null; // years are dates
  return v;
}

function formatLike(original: string, v: number): string {
  const decimals = original.includes('.') ? original.split('.')[1].length : 0;
  const s = v.toFixed(decimals);
  if (!original.includes(',')) return s;
  const [int, dec] = s.split('.');
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ',') + (dec ? '.' + dec : '');
}

type Op = (base: string, r: Rng) => Edit | null;

const OPS: Record<EditKind, Op> = {
  'number-change'(base, r) {
    for (const m of candidates(base, NUMBER, r)) {
      const v = plainNumber(base, m);
      if (v === null || v < 2) continue;
      let nv = v * r.pick([0.5, 1.5, 2, 3, 0.7]);
      nv = m[0].includes('.') ? Number(nv.toFixed(m[0].split('.')[1].length)) : Math.round(nv);
      if (nv === v) nv = v + 3;
      const s = formatLike(m[0], nv);
      return replaceMatch('number-change', base, m, s, [0, s.length]);
    }
    return null;
  },
  'number-inflate'(base, r) {
    const words = ['three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'fifteen'];
    const re = new RegExp(`(?<![\\w.,$£€:/-])(\\d{1,2}|${words.join('|')}) ([a-z]{3,}s)\\b`, 'g');
    // "more than 30 officers" would read "more than hundreds of officers": qualified figures are left alone.
    const qualified = /\b(?:than|about|around|nearly|almost|some|over|under|to|and|or|of)\s*$/i;
    for (const m of candidates(base, re, r, (x) => !qualified.test(base.slice(Math.max(0, x.index! - 12), x.index!)))) {
      const w = words.indexOf(m[1].toLowerCase());
      const v = w >= 0 ? [3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 15][w] : Number(m[1]);
      if (/^[a-z]/i.test(m[1]) && w < 0) continue;
      if (
        /^(years|months|weeks|days|hours|minutes|seconds|times|pounds|dollars|points|percent|metres|meters|miles|feet|inches|yards|kilometres|kilometers|goals|runs|votes|seats)$/.test(
          m[2],
        ) ||
        v < 3 ||
        v > 90
      )
        continue;
      if (AFTER_DATE.test(base.slice(m.index! + m[1].length, m.index! + m[1].length + 12))) continue;
      const s = `${v < 20 ? 'dozens' : 'hundreds'} of ${m[2]}`; // dozens ≥ 24, hundreds ≥ 200: above the figure
      return replaceMatch('number-inflate', base, m, s, [0, s.length], m[1].length);
    }
    return null;
  },
  'number-blur'(base, r) {
    const re = /(?<![\w.,$£€:/-])(?:(?:nearly|almost|about|around|some) )?(\d{3}|\d,\d{3}) ([a-z]{3,}s)\b/g;
    const qualified = /\b(?:than|least|most|to|and|or|of|over|under|nearly|almost|about|around)\s*$/i;
    for (const m of candidates(base, re, r, (x) => !qualified.test(base.slice(Math.max(0, x.index! - 12), x.index!)))) {
      const v = Number(m[1].replace(',', ''));
      if (!((v >= 200 && v <= 999) || (v >= 2000 && v <= 9999))) continue;
      const s = `${v < 1000 ? 'hundreds' : 'thousands'} of ${m[2]}`; // a range that holds the figure
      return replaceMatch('number-blur', base, m, s, [0, s.length], m[0].length - m[2].length - 1);
    }
    return null;
  },
  'number-drop'(base, r) {
    // "Smith, 34, of Leeds" → "Smith, of Leeds"; "closed in 1998." → "closed."
    for (const m of candidates(base, /, (\d{2}),(?= )| in ((?:19|20)\d\d)(?=[.,;])/g, r)) {
      const at = m.index!;
      const numAt = at + m[0].indexOf(m[1] ?? m[2]);
      const item: Span = [numAt, numAt + (m[1] ?? m[2]).length];
      const insert = m[1] ? ',' : '';
      return splice('number-drop', base, at, m[0].length, insert, 'sentence', item);
    }
    return null;
  },
  'verb-swap'(base, r) {
    const swaps: Record<string, string[]> = {
      said: ['claimed', 'admitted', 'conceded'],
      says: ['claims', 'admits'],
      stated: ['claimed', 'admitted'],
      added: ['claimed', 'conceded'],
      explained: ['claimed', 'admitted'],
    };
    for (const m of candidates(base, /\b(said|says|stated|added|explained)\b/g, r)) {
      const s = r.pick(swaps[m[1]]);
      return replaceMatch('verb-swap', base, m, s, [0, s.length]);
    }
    return null;
  },
  'say-clause-removed'(base, r) {
    for (const [s, e] of r.shuffle(sentenceSpans(base))) {
      const sent = base.slice(s, e);
      if (/["“”]/.test(sent)) continue;
      // "The minister said (that) the plan was dead." → "The plan was dead."
      let m =
        /^((?:[A-Z][\w.'’-]*|the|a|an|of|for)(?: (?:[A-Z][\w.'’-]*|the|a|an|of|for|[a-z]+(?:man|woman|person|er|or|ist)s?)){0,6}) (said|says|told reporters|stated) (?:that )?(.{20,})$/.exec(
          sent,
        );
      if (m && !/\b(?:I|We|It|This|That|There)$/.test(m[1])) {
        const content = capital(m[3]);
        return splice(
          'say-clause-removed',
          base,
          s,
          sent.length,
          content,
          [0, content.length],
          [s, s + m[1].length + 1 + m[2].length],
        );
      }
      // "The plan was dead, the minister said." → "The plan was dead."
      m = /^(.{20,}), ((?:[A-Z][\w.'’-]*|the|a|an|he|she|they)(?: [\w.'’-]+){0,5}) (said|says|added)\.$/.exec(sent);
      if (m) {
        const content = m[1] + '.';
        return splice(
          'say-clause-removed',
          base,
          s,
          sent.length,
          content,
          [0, content.length],
          [s + m[1].length + 2, e - 1],
        );
      }
      // "According to the police, the road was closed." → "The road was closed."
      m = /^According to ([^,]{2,60}), (.{20,})$/.exec(sent);
      if (m) {
        const content = capital(m[2]);
        return splice(
          'say-clause-removed',
          base,
          s,
          sent.length,
          content,
          [0, content.length],
          [s, s + 13 + m[1].length],
        );
      }
    }
    return null;
  },
  'quote-to-indirect'(base, r) {
    for (const [s, e] of r.shuffle(sentenceSpans(base))) {
      const sent = base.slice(s, e);
      // '"The plan is dead," he said.' and '"The plan is dead," said Mr Smith.'
      const whoRe = `(he|she|they|(?:Mr|Mrs|Ms|Dr|the|[A-Z][\\w.'’-]*)(?: [A-Z][\\w.'’-]*){0,3})`;
      const m =
        new RegExp(`^["“]([^"“”]{20,400}?)[,.]?["”],? ${whoRe} (said|says|added|told [\\w ]{2,30}?)\\.$`).exec(sent) ??
        (() => {
          const x = new RegExp(`^["“]([^"“”]{20,400}?)[,.]?["”],? (said|says|added) ${whoRe}\\.$`).exec(sent);
          return x ? ([x[0], x[1], x[3], x[2]] as unknown as RegExpExecArray) : null;
        })();
      if (!m) continue;
      const verb = m[3] === 'says' ? 'says' : 'said';
      const who = /^(he|she|they)$/.test(m[2]) ? capital(m[2]) : m[2];
      const content = `${who} ${verb} that ${lowerFirst(m[1].replace(/[.,]$/, ''))}.`;
      const innerAt = s + 1;
      return splice(
        'quote-to-indirect',
        base,
        s,
        sent.length,
        content,
        [0, content.length],
        [innerAt, innerAt + m[1].length],
      );
    }
    return null;
  },
  'negation-removed'(base, r) {
    const re =
      /\b(is|was|are|were|will|would|could|can|did|does|do|has|have|had|should) not\b(?! only)|\b(is|was|are|were|did|does|do|has|have|had|could|would|should)n['’]t\b/g;
    for (const m of candidates(base, re, r)) {
      const aux = m[1] ?? m[2];
      const after = base.slice(m.index! + m[0].length).match(/^ [a-z]+/)?.[0] ?? '';
      return replaceMatch('negation-removed', base, m, aux, [0, aux.length + after.length]);
    }
    return null;
  },
  'negation-added'(base, r) {
    const re =
      /\b(is|was|are|were|will|has|have|had|would|could) (?!not\b|also\b|only\b|just\b|now\b|to\b|a\b|an\b|the\b)([a-z]{3,})\b/g;
    const negated = /\b(not|no|never|n['’]t|nobody|nothing|none|neither|nor|without)\b/i;
    for (const m of candidates(base, re, r, (x) => !negated.test(base.slice(...sentenceAt(base, x.index!))))) {
      const s = `${m[1]} not ${m[2]}`;
      return replaceMatch('negation-added', base, m, s, [0, s.length]);
    }
    return null;
  },
  'hedge-added'(base, r) {
    const re = /\b(is|was|are|were|has|have|had) (?!not\b|also\b|been\b|being\b|to\b)([a-z]{3,}(?:ed|en))\b/g;
    for (const m of candidates(base, re, r)) {
      const h = r.pick(['reportedly', 'allegedly', 'possibly']);
      const s = `${m[1]} ${h} ${m[2]}`;
      return replaceMatch('hedge-added', base, m, s, [m[1].length + 1, m[1].length + 1 + h.length]);
    }
    return null;
  },
  'hedge-removed'(base, r) {
    const re =
      /\b(?:(may|might) (?!have\b|not\b|be\b|well\b)([a-z]{3,})|(reportedly|allegedly|apparently|possibly|probably) ([a-z]{3,})|(is|are) (expected|likely) to ([a-z]{3,}))\b/g;
    for (const m of candidates(base, re, r)) {
      const at = m.index!;
      if (m[1]) {
        const s = `will ${m[2]}`;
        return splice('hedge-removed', base, at, m[0].length, s, [0, s.length], [at, at + m[1].length]);
      }
      if (m[3]) {
        return splice('hedge-removed', base, at, m[0].length, m[4], [0, m[4].length], [at, at + m[3].length]);
      }
      const s = `will ${m[7]}`;
      return splice(
        'hedge-removed',
        base,
        at,
        m[0].length,
        s,
        [0, s.length],
        [at, at + m[5].length + 1 + m[6].length + 3],
      );
    }
    return null;
  },
  'affiliation-dropped'(base, r) {
    const roles =
      'spokesman|spokeswoman|spokesperson|director|chairman|chairwoman|president|secretary|officer|adviser|advisor|minister|chief|executive|head|leader|member|lawyer|professor|analyst|manager|official|senator|representative|governor|researcher|economist|judge|prosecutor|inspector|detective|correspondent|editor|founder|partner|commissioner|chair|counsel|attorney';
    const re = new RegExp(
      `, ((?:(?:a|an|the) )?(?:[a-z-]+ ){0,3}?(?:${roles})) (?:for|of|at|with) (?:the )?([A-Z][^,.;()]{1,60}?)(?=[,.;])`,
      'g',
    );
    const notRole = /\b(?:who|was|is|as|has|had|and|but|which)\b|ed\b/;
    for (const m of candidates(base, re, r, (x) => !notRole.test(x[1]))) {
      const keep = /^(a|an|the) /.test(m[1]) ? m[1].replace(/^the /, 'a ') : `a ${m[1]}`;
      const s = `, ${keep}`;
      const orgAt = m.index! + m[0].lastIndexOf(m[2]);
      return splice('affiliation-dropped', base, m.index!, m[0].length, s, [2, s.length], [orgAt, orgAt + m[2].length]);
    }
    return null;
  },
  'editorial-conclusion'(base, r) {
    const e = topicEntity(base, r);
    if (!e) return null;
    const s = r.pick([
      `Only time will tell whether ${e} has learned its lesson.`,
      `It remains to be seen whether ${e} can ever win back the public's trust.`,
      `Critics will see all this as yet another sign that ${e} has lost its way.`,
      `One thing is clear: ${e} can no longer afford to look the other way.`,
    ]);
    const sep = base.includes('\n\n') ? '\n\n' : ' ';
    const at = base.trimEnd().length;
    if (sep === ' ' && insideQuote(base, at)) return null;
    return splice(
      'editorial-conclusion',
      base,
      at,
      base.length - at,
      sep + s,
      [sep.length, sep.length + s.length],
      null,
    );
  },
  'invented-fact'(base, r) {
    const e = topicEntity(base, r);
    const ends = sentenceSpans(base)
      .slice(0, -1)
      .map(([, end]) => end)
      .filter((at) => !insideQuote(base, at));
    if (!e || ends.length === 0) return null;
    const n = 3 + r.int(40);
    const s = r.pick([
      `${e} had already faced ${n} similar complaints in ${2001 + r.int(15)}, officials confirmed.`,
      `The move came after a ${n}-month review by an independent panel appointed by ${e}.`,
      `Last year ${e} quietly paid out more than $${n} million to settle a separate dispute.`,
    ]);
    const at = r.pick(ends);
    return splice('invented-fact', base, at, 0, ' ' + s, [1, 1 + s.length], null);
  },
};

/** A capitalised name the text mentions mid-sentence at least twice (falls back to once), for invented sentences. */
function topicEntity(text: string, r: Rng): string | null {
  const counts = new Map<string, number>();
  for (const m of text.matchAll(/(?<=[a-z,] )([A-Z][a-z]{2,}(?: [A-Z][a-z]{2,}){0,2})\b/g))
    counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  const names = [...counts].filter(
    ([n]) => !/^(The|This|That|But|And|Mr|Mrs|Ms|Dr|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)$/.test(n),
  );
  if (names.length === 0) return null;
  const often = names.filter(([, c]) => c >= 2);
  return r.pick(often.length ? often : names)[0];
}

/** Apply one edit of `kind` to `base`, or null when the text offers no place for it. */
export function applyEdit(kind: EditKind, base: string, r: Rng): Edit | null {
  return OPS[kind](base, r);
}
