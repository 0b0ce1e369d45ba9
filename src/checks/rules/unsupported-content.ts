import { lexicon } from '../../lexicons.js';
import { foldText } from '../../nlp/fold.js';
import { entityKey } from '../../nlp/entities/key.js';
import { isWord } from '../../nlp/words.js';
import type { Analysis, Sentence } from '../../types.js';
import { entityFates } from '../evidence/entities.js';
import { numberFates } from '../evidence/numbers.js';
import { ref, wholeSentence, within } from '../evidence/pairs.js';
import { isSummary, tokenRuns, unsupportedTokens } from '../evidence/support.js';
import { addedLoadedWords } from '../evidence/loaded.js';
import type { Check, CheckContext, FindingDraft } from '../types.js';

const MIN_ASSERTION_WORDS = 4;
/** Two loaded words the source never uses make a sentence editorial; one ("brave", "chaos") can be reporting. */
const MIN_LOADED_WORDS = 2;

/** Spans outside the document's quotes: a speaker's loaded words are their own. */
function quotedOut(doc: Analysis, spans: Array<{ start: number; end: number }>) {
  return spans.filter((w) => !doc.quotes.some((q) => q.inner.start <= w.start && w.end <= q.inner.end));
}

let prompts: string[] | null = null;

/**
 * What the rewrite asserts that the source does not carry. A derived sentence is supported when its content words
 * (or their GloVe near-synonyms) and figures are found anywhere in the source: summaries merge several sentences.
 * An unaligned sentence with unsupported words is reported whole (an added fact or conclusion); in an aligned
 * sentence each run of added words is reported ("ian wright" where the source has another presenter).
 * Questions, calls to action ("Let us know in the comments"), fragments and headings assert nothing. Commentary
 * ("Only time will tell whether …", lexicons/checks-editorial-cues.json) is reported whole (`editorial`), aligned or not.
 */
export const unsupportedContent: Check = {
  meta: {
    id: 'unsupported-content',
    severity: 'medium',
    reads: 'addition',
    description:
      'The rewrite asserts something the source does not support: an added sentence, or added words in a carried-over one.',
    messages: {
      unsupported: 'This sentence of the rewrite has no support in the source.',
      'unsupported-words': 'The rewrite adds "{actual}", which the source does not support.',
      editorial: 'This sentence of the rewrite is commentary ("{actual}") that the source does not make.',
      loaded: 'This sentence of the rewrite adds loaded words ("{actual}") that the source does not use.',
    },
  },
  run(ctx) {
    const out: FindingDraft[] = [];
    const elsewhere = reportedElsewhere(ctx);
    // A summary compresses and keeps the source's words; a full rewrite swaps in synonyms the vectors miss
    // ("misery" for "chaos"), so there only added specifics (names, figures) count as added words.
    const summary = isSummary(ctx);
    for (const s of ctx.derived.sentences) {
      if (s.kind !== 'body' || !asserts(ctx.derived, s)) continue;
      const comment = editorialCue(s.text, ctx.source.text);
      const quoted =
        comment &&
        ctx.derived.quotes.some((q) => q.inner.start <= s.start + comment.at && s.start + comment.at < q.inner.end);
      if (comment && !quoted) {
        // Commentary shares the topic words of the story, so overlap cannot judge it; the phrase can.
        out.push({
          messageId: 'editorial',
          data: { actual: comment.text },
          source: null,
          derived: wholeSentence(ctx.derived, s.id),
          actual: comment.text,
        });
        continue;
      }
      const before = out.length;
      out.push(...addedClaims(ctx, s, elsewhere, summary));
      if (out.length > before) continue;
      const loaded = quotedOut(ctx.derived, addedLoadedWords(ctx.source, ctx.derived, s));
      if (loaded.length < MIN_LOADED_WORDS) continue;
      // Loaded language is the rewrite's own voice, aligned or not, where nothing else was found in the sentence.
      // Weaker: valence words are also plain reporting ("denied", "charges", "important"): shown, not alarmed.
      const actual = loaded.map((w) => ctx.derived.text.slice(w.start, w.end)).join('", "');
      out.push({
        messageId: 'loaded',
        data: { actual },
        source: null,
        derived: wholeSentence(ctx.derived, s.id),
        actual,
        weaker: true,
      });
    }
    return out;
  },
};

/** Added claims in one derived sentence: the whole sentence when it has no counterpart, else its added specifics. */
function addedClaims(
  ctx: CheckContext,
  s: Sentence,
  elsewhere: Array<{ start: number; end: number }>,
  summary: boolean,
): FindingDraft[] {
  const added = unsupportedTokens(ctx.source, ctx.derived, s.id, ctx.vectors).filter(
    (i) => !elsewhere.some((span) => within(ctx.derived.tokens[i], span)),
  );
  if (!added.length) return [];
  if (ctx.shared.unsupportedDerived.has(s.id))
    return [{ messageId: 'unsupported', source: null, derived: wholeSentence(ctx.derived, s.id) }];
  const judged = (summary ? added : added.filter((i) => specific(ctx.derived, s, i))).filter(
    (i) => !impliedPlace(ctx, i),
  );
  return tokenRuns(ctx.derived, judged).map((run) => {
    const actual = ctx.derived.text.slice(run.start, run.end);
    // A claim, not a word, is what is unsupported: in a rewrite one added name or figure ("Iconic", an age) is shown
    // weaker. A summary is judged word by word, and there one wrong name is the error (FRANK's entity errors).
    return {
      messageId: 'unsupported-words',
      data: { actual },
      source: null,
      derived: ref(s.id, run),
      actual,
      weaker: !summary && !/\s/.test(actual.trim()),
    };
  });
}

/** A figure, or a capitalised word inside the sentence (a name: "Klaus Berger"), not its first word. */
function specific(doc: Analysis, s: Sentence, i: number): boolean {
  const t = doc.tokens[i];
  return /\d/.test(t.text) || (i > s.tokenStart && /^\p{Lu}/u.test(t.text) && doc.tokens[i - 1].text !== '"');
}

let countryOf: Map<string, string> | null = null;
const implied = new WeakMap<Analysis, Set<string>>();

/**
 * A place mention the source implies: "the German capital" where the source names Berlin (or Germany). Country keys
 * of the source's places from lexicons/place-countries.json; the derived mention (a demonym is a place mention keyed
 * by its country) must be keyed by one of them.
 */
function impliedPlace(ctx: CheckContext, i: number): boolean {
  const t = ctx.derived.tokens[i];
  const mention = ctx.derived.entities.find((e) => e.type === 'place' && e.start <= t.start && t.end <= e.end);
  if (!mention) return false;
  countryOf ??= new Map(
    lexicon<[string, string]>('place-countries').entries.map(([city, country]) => [
      entityKey(city, 'place'),
      entityKey(country, 'place'),
    ]),
  );
  let keys = implied.get(ctx.source);
  if (!keys) {
    keys = new Set<string>();
    for (const e of ctx.source.entities) {
      if (e.type !== 'place') continue;
      keys.add(e.key);
      const country = countryOf.get(e.key);
      if (country) keys.add(country);
    }
    implied.set(ctx.source, keys);
  }
  return keys.has(mention.key);
}

/** Derived spans the item rules already report (a changed name or figure, a quote): one finding per fault. */
function reportedElsewhere(ctx: CheckContext): Array<{ start: number; end: number }> {
  return [
    ...entityFates(ctx).flatMap((f) => (f.kind === 'changed' ? [f.derived] : [])),
    ...numberFates(ctx).flatMap((f) => (f.kind === 'changed' ? [f.derived] : [])),
    ...ctx.derived.quotes.map((q) => q.inner),
  ];
}

let editorial: Array<{ phrase: string; re: RegExp }> | null = null;

/**
 * The commentary phrase of a derived sentence ("only time will tell", "a wake-up call") that the source does not use,
 * or null. lexicons/checks-editorial-cues.json. Example: "Only time will tell whether the port has learned its lesson."
 */
export function editorialCue(sentence: string, sourceText: string): { text: string; at: number } | null {
  editorial ??= lexicon<string>('checks-editorial-cues').entries.map((entry) => {
    // "^…": the phrase has a literal sense too and is commentary only where it opens a clause.
    const phrase = entry.replace(/^\^/, '');
    const before = entry.startsWith('^') ? '(?:^|[,;:\u2013\u2014-]\\s*|\\b(?:and|but|so|yet)\\s+)' : '(?:^|[^\\p{L}])';
    return { phrase, re: new RegExp(`${before}${escapeRegExp(phrase)}(?![\\p{L}])`, 'u') };
  });
  const lower = foldText(sentence).toLowerCase();
  // The regex holds the phrase literally, so a sentence without it cannot match: the substring test spares most
  // regex runs (the cue list × every derived sentence was ~5% of a CLI compare).
  const hit = editorial.find((e) => lower.includes(e.phrase) && e.re.test(lower))?.phrase;
  if (!hit) return null;
  if (foldText(sourceText).toLowerCase().includes(hit)) return null;
  const at = lower.indexOf(hit);
  return { text: sentence.slice(at, at + hit.length), at };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A statement: long enough, has a verb, is not a question, an imperative or a reader prompt. */
export function asserts(doc: Analysis, s: Sentence): boolean {
  const tokens = doc.tokens.slice(s.tokenStart, s.tokenEnd);
  const wordTokens = tokens.filter(isWord);
  if (wordTokens.length < MIN_ASSERTION_WORDS) return false;
  if (/\?["'”’)]*$/.test(s.text)) return false;
  if (!tokens.some((t) => t.pos === 'VERB' || t.pos === 'AUX')) return false;
  const first = wordTokens[0];
  // Imperative: a bare verb first ("Share this story with friends").
  if (first.pos === 'VERB' && first.text.toLowerCase() === first.lemma) return false;
  prompts ??= lexicon<string>('checks-call-to-action').entries;
  const lower = foldText(s.text).toLowerCase();
  return !prompts.some((p) => lower.includes(p));
}
