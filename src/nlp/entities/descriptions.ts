import type { Analysis, EntityMention as Entity, Span, Token } from '../../types.js';
import { entityKey } from './key.js';
import { entityLexicons, fold, normaliseSurface } from './lexicons.js';

/** Parts of speech a speaker description is built of ("the 43-year-old Berlin engineer"). */
const DESCRIPTOR_POS = new Set(['ADJ', 'NOUN', 'PROPN', 'NUM']);
const POSSESSIVE = /^['’]s$/;
const DETERMINERS = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'our']);
const INNER_PREPOSITIONS = new Set(['of', 'for', 'at', 'with', 'in']);
const RELATIVES = new Set(['who', 'whose', 'which']);
const CLOSERS = /^[,;:.!?)"”’—–]$/;

/** A role noun or title that can head a person description: "spokeswoman", "executive", "Minister", "Gen.". */
export function isRoleWord(tok: Token): boolean {
  const lex = entityLexicons();
  const w = fold(tok.text);
  if (lex.roles.has(tok.lemma) || lex.roles.has(w)) return true;
  // "Mr" names a person but describes nothing.
  return lex.titles.get(w)?.some((t) => t.kind !== 'honorific') ?? false;
}

/**
 * Start of the noun phrase that ends at token `b`, walking left over adjectives, nouns, names and possessives.
 * With `appositive`, determiners and inner prepositions belong to it too ("a spokeswoman for the authority");
 * a name's premodifier stops at the determiner ("the [Federal Railway Authority spokeswoman] Maria Lenz").
 */
export function walkBack(tokens: Token[], b: number, appositive: boolean): number {
  const s = tokens[b].sentence;
  let a = b;
  for (;;) {
    const p = tokens[a - 1];
    if (!p || p.sentence !== s) break;
    const lower = p.text.toLowerCase();
    if (
      DESCRIPTOR_POS.has(p.pos) ||
      POSSESSIVE.test(p.text) ||
      (p.text === '.' && tokens[a - 2]?.end === p.start) ||
      (p.text === '-' && p.end === tokens[a].start)
    ) {
      a--;
      continue;
    }
    if (appositive && DETERMINERS.has(lower)) {
      a--;
      const pp = tokens[a - 1];
      if (
        pp &&
        pp.sentence === s &&
        INNER_PREPOSITIONS.has(pp.text.toLowerCase()) &&
        DESCRIPTOR_POS.has(tokens[a - 2]?.pos ?? '')
      ) {
        a--;
        continue;
      }
      break;
    }
    if (
      appositive &&
      INNER_PREPOSITIONS.has(lower) &&
      DESCRIPTOR_POS.has(tokens[a - 2]?.pos ?? '') &&
      tokens[a - 2].sentence === s
    ) {
      a--;
      continue;
    }
    break;
  }
  // A name's premodifier never starts with a preposition or a possessive ending.
  while (a < b && (POSSESSIVE.test(tokens[a].text) || tokens[a].pos === 'ADP')) a++;
  return a;
}

/**
 * Last token of an appositive description starting at `k`, or null when it does not end cleanly
 * (at a comma, a closing quote or the sentence end). Stops at finite verbs: "Lenz, the authority said" is no description.
 */
export function walkForward(tokens: Token[], k: number): number | null {
  const lex = entityLexicons();
  const s = tokens[k].sentence;
  for (let i = k; i < tokens.length && i < k + 25; i++) {
    const t = tokens[i];
    if (t.sentence !== s) return i - 1 > k ? i - 1 : null;
    if (CLOSERS.test(t.text) && !(t.text === '.' && tokens[i - 1]?.end === t.start && tokens[i + 1]?.sentence === s))
      return i > k ? i - 1 : null;
    // "a spokeswoman based in Berlin" goes on; "Mr Hamilton abandoned …" is a clause.
    const participle =
      t.pos === 'VERB' && /(?:ed|ing)$/.test(t.text) && !lex.personCues.has(t.lemma) && tokens[i - 1]?.pos === 'NOUN';
    if ((t.pos === 'VERB' || t.pos === 'AUX') && !participle) return null;
    // "Lenz, a former lawyer who joined the authority in 2019," → the description ends before the relative clause.
    if (t.pos === 'PRON' && !DETERMINERS.has(t.text.toLowerCase()))
      return RELATIVES.has(t.text.toLowerCase()) && i > k ? i - 1 : null;
  }
  return null;
}

/** Organisation named in a description: an org mention inside it, or "the authority" resolved to the nearest earlier (else later) org with that head. */
export function describedOrg(doc: Analysis, description: Span): string | null {
  const inside = entitiesWithin(doc, description).find((e) => e.type === 'org');
  if (inside) return inside.key;
  const lex = entityLexicons();
  const titled = orgInTitle(doc, description) ?? orgAfterRole(doc, description);
  if (titled) return entityKey(titled.text, 'org');
  const { tokens } = doc;
  for (let i = firstTokenFrom(tokens, description.start); i < tokens.length && tokens[i].end <= description.end; i++) {
    const t = tokens[i];
    if (t.pos !== 'NOUN' || lex.headCues.get(t.lemma) !== 'org') continue;
    const head = normaliseSurface(t.lemma);
    // The last such org before the description, else the first after it ("…, the authority's spokeswoman. The Federal Railway Authority …").
    let best: string | null = null;
    for (const e of doc.entities) {
      if (e.type !== 'org' || !e.key.split(' ').includes(head)) continue;
      if (e.start < description.start) best = e.key;
      else if (e.start >= description.end) {
        best ??= e.key;
        break;
      }
    }
    if (best) return best;
  }
  return null;
}

const TITLE_OF = /^(.*?\b(?:of|for|at|to))\s+(?:the\s+)?(\p{Lu}.*)$/u;

/**
 * The organisation inside a capitalised title the entity step took as one name: "Deputy Director of the Port
 * Authority" → "Port Authority" (its last word is an organisation head, lexicons/entity-cues.json), with its span.
 */
export function orgInTitle(doc: Analysis, description: Span): { start: number; end: number; text: string } | null {
  const lex = entityLexicons();
  for (const e of entitiesWithin(doc, description)) {
    if (e.type === 'person') continue;
    const m = TITLE_OF.exec(e.text);
    if (!m) continue;
    const head = fold(m[2].split(/\s+/).pop() ?? '');
    if (lex.headCues.get(head) !== 'org' && lex.headCues.get(head.replace(/s$/, '')) !== 'org') continue;
    const start = e.end - m[2].length;
    return { start, end: e.end, text: m[2] };
  }
  return null;
}

const AFFILIATION = new Set(['of', 'for', 'at', 'with', 'to']);

/**
 * "a spokesman for the Clinton campaign", "president of National Right to Life", "a manager at Halcom Foods": the
 * named body after a role word and its preposition, when the entity step typed no organisation there. The phrase
 * runs to the end of the description and must hold a capitalised word.
 */
export function orgAfterRole(doc: Analysis, description: Span): { start: number; end: number; text: string } | null {
  const tokens: Token[] = [];
  for (let i = firstTokenFrom(doc.tokens, description.start); doc.tokens[i]?.start < description.end; i++)
    if (doc.tokens[i].end <= description.end) tokens.push(doc.tokens[i]);
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!isRoleWord(tokens[i]) || !AFFILIATION.has(tokens[i + 1].text.toLowerCase())) continue;
    let k = i + 2;
    if (tokens[k]?.text.toLowerCase() === 'the') k++;
    const rest = tokens.slice(k);
    // "Secretary of State" is a title, not a secretary of a body called State.
    const phrase = tokens
      .slice(i)
      .map((t) => fold(t.text))
      .join(' ');
    if (
      entityLexicons()
        .titles.get(fold(tokens[i].text))
        ?.some((t) => t.words.join(' ') === phrase)
    )
      return null;
    if (!rest.length || !rest.some((t) => /^\p{Lu}/u.test(t.text) && t.pos !== 'PRON')) return null;
    const start = rest[0].start;
    const end = rest[rest.length - 1].end;
    return { start, end, text: doc.text.slice(start, end) };
  }
  return null;
}

/** Index of the first token starting at or after `offset` (tokens are in text order). */
function firstTokenFrom(tokens: Token[], offset: number): number {
  let lo = 0;
  for (let hi = tokens.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const byStart = new WeakMap<Entity[], number[]>();

/**
 * Entities lying inside a span, in `doc.entities` order. A sorted index per entity list: every description of a
 * long document scanned every entity (270 KB of short sentences: seconds).
 */
function entitiesWithin(doc: Analysis, span: Span): Entity[] {
  const list = doc.entities;
  let order = byStart.get(list);
  if (!order || order.length !== list.length) {
    order = list.map((_, k) => k).sort((a, b) => list[a].start - list[b].start || a - b);
    byStart.set(list, order);
  }
  let lo = 0;
  for (let hi = order.length; lo < hi; ) {
    const mid = (lo + hi) >> 1;
    if (list[order[mid]].start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const inside: number[] = [];
  for (let k = lo; k < order.length && list[order[k]].start < span.end; k++)
    if (list[order[k]].end <= span.end) inside.push(order[k]);
  return inside.sort((a, b) => a - b).map((k) => list[k]);
}
