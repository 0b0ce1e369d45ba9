import type { Analysis, Attribution, Quote, Sentence, Span, Speaker, Token } from '../types.js';
import { bareClauseAfter, bodyEnd, thatAfter, trimmedSpan } from './speech/clauses.js';
import { npEndingAt, npStartingAt, type TokenRange } from './speech/noun-phrases.js';
import { findReportingCues, type ReportingCue } from './speech/reporting-cues.js';
import { SpeakerResolver, spanOf } from './speech/speakers.js';

const JOINER = /^[\s,:—–-]*$/; // what may separate a quote from its reporting clause
const QUOTE_MARK_TOKEN = /^["“”«»'‘’`]+$/;
const CAN_PRECEDE_VERB = new Set(['ADV', 'AUX', 'PART']); // "has also said", "did not say"

interface Found {
  attribution: Attribution;
  quotes: Quote[];
}

/**
 * Step 06: who said what. Reporting verbs (lexicons/reporting-verbs.json) with their stance, the speaker
 * (name, pronoun resolved to an earlier person, or description) and the content (quote, that-clause, or the
 * clause before "…, she said"); "according to X" too. Fills `Quote.speaker`. Sentences without one are the narrator's.
 * Example: `"We will not cut the budget," Defence Minister Boris Pistorius told reporters.` → direct, speaker Boris Pistorius.
 */
export function findAttributions(doc: Analysis): Attribution[] {
  const resolver = new SpeakerResolver(doc);
  const quotesBySentence = groupQuotes(doc);
  const found: Found[] = [];
  for (const s of doc.sentences) {
    const quotes = quotesBySentence.get(s.id) ?? [];
    for (const cue of findReportingCues(doc.tokens, s.tokenStart, s.tokenEnd)) {
      const verbStart = doc.tokens[cue.first].start;
      if (quotes.some((q) => q.inner.start <= verbStart && verbStart < q.inner.end)) continue; // quoted speech reports its own
      const f =
        cue.lemma === 'according to' ? accordingTo(doc, s, cue, resolver) : reported(doc, s, cue, quotes, resolver);
      if (!f) continue;
      found.push(f);
      const sp = f.attribution.speaker;
      if (sp) resolver.rememberBody(sp, s.id);
    }
  }
  fillQuoteSpeakers(doc, found);
  return found.map((f) => f.attribution);
}

function reported(
  doc: Analysis,
  s: Sentence,
  cue: ReportingCue,
  quotes: Quote[],
  resolver: SpeakerResolver,
): Found | null {
  const { tokens, text } = doc;
  const verbStart = tokens[cue.first].start;
  const verbEnd = tokens[cue.last].end;
  const before = quotes.filter((q) => q.end <= verbStart).pop();
  const inverted = before !== undefined && JOINER.test(text.slice(before.end, verbStart));

  // Speaker: after the verb when it directly follows a quote (`"…," said Maria Lenz`), else the subject before it.
  const after = inverted ? null : invertedSpeaker(tokens, s, cue);
  const speakerRange = inverted
    ? npStartingAt(tokens, cue.last + 1, s.tokenEnd)
    : (after ?? subjectBefore(tokens, s, cue.first));
  const speaker = speakerRange ? resolver.fromRange(speakerRange) : null;
  const mention = speakerRange ? spanOf(text, tokens, speakerRange) : null;
  const clauseStart = Math.min(verbStart, mention?.start ?? verbStart);
  const clauseEnd = Math.max(verbEnd, mention?.end ?? verbEnd);

  // Direct: a quote right before the reporting clause, or right after it ("told the jury: “…”").
  if (before && JOINER.test(text.slice(before.end, clauseStart))) {
    const after = quotes.filter((q) => q.start >= clauseEnd && JOINER.test(text.slice(clauseEnd, q.start)));
    return direct(doc, s, cue, speaker, before, [before, ...after]);
  }
  const afterVerb = cue.last + 1;
  const that = thatAfter(tokens, afterVerb, s.tokenEnd);
  if (that >= 0 && that + 1 < s.tokenEnd)
    return indirect(doc, s, cue, speaker, tokens[that + 1].start, bodyEnd(tokens, s), quotes);
  const next = quotes.find(
    (q) =>
      q.start >= verbEnd &&
      /^[^.!?;]{0,40}[:,]\s*$|^\s*$/.test(text.slice(verbEnd, q.start)) &&
      !/\bthat\b/.test(text.slice(verbEnd, q.start)),
  );
  if (next) return direct(doc, s, cue, speaker, next, [next]);
  const bare = isFiniteVerb(tokens, cue.first)
    ? bareClauseAfter(tokens, afterVerb, s.tokenEnd, cue.lemma === 'tell')
    : -1;
  if (bare >= 0 && speaker !== null)
    return indirect(doc, s, cue, speaker, tokens[bare].start, bodyEnd(tokens, s), quotes);

  // "The changes may help, said the study's author, Dr Urho Kujala."
  if (after && mention) return indirect(doc, s, cue, speaker, s.start, text.lastIndexOf(',', verbStart), quotes);
  // "The delays are evidence of mismanagement, she said." / "The delays, she said, are …"
  if (mention && text.slice(s.start, mention.start).trimEnd().endsWith(',')) {
    const rest = trimmedSpan(text, verbEnd, bodyEnd(tokens, s));
    const end =
      rest && !/^(on|in|at|last|this|yesterday|today|earlier|later)\b/i.test(rest.text)
        ? bodyEnd(tokens, s)
        : text.lastIndexOf(',', mention.start);
    return indirect(doc, s, cue, speaker, s.start, end, quotes);
  }
  return null;
}

/**
 * The speaker after the verb in `…, said the study's author, Dr Urho Kujala.`: a comma before the verb, and a noun phrase
 * after it that does not go on into a clause (`…, said the delays were …` is no inversion). An apposed name wins.
 */
function invertedSpeaker(tokens: Token[], s: Sentence, cue: ReportingCue): TokenRange | null {
  if (cue.first - 1 < s.tokenStart || tokens[cue.first - 1].text !== ',') return null;
  const np = npStartingAt(tokens, cue.last + 1, s.tokenEnd);
  if (!np) return null;
  const next = tokens[np[1] + 1];
  if (next && (next.pos === 'VERB' || next.pos === 'AUX')) return null;
  if (next?.text === ',' && tokens[np[1] + 2]?.pos === 'PROPN') {
    const name = npStartingAt(tokens, np[1] + 2, s.tokenEnd);
    if (name) return name;
  }
  return np;
}

/** The subject of the verb at `verb`: skips "also"/"has"/"not", and an apposition ("Maria Lenz, a spokeswoman for …, said"). */
function subjectBefore(tokens: Token[], s: Sentence, verb: number): TokenRange | null {
  let j = verb - 1;
  while (j >= s.tokenStart && CAN_PRECEDE_VERB.has(tokens[j].pos)) j--;
  if (j < s.tokenStart) return null;
  if (tokens[j].text !== ',') return npEndingAt(tokens, s.tokenStart, j);
  for (let k = j - 1; k >= Math.max(s.tokenStart, j - 25); k--) {
    if (QUOTE_MARK_TOKEN.test(tokens[k].text)) return null;
    if (tokens[k].text === ',') return npEndingAt(tokens, s.tokenStart, k - 1);
  }
  return null;
}

function direct(
  doc: Analysis,
  s: Sentence,
  cue: ReportingCue,
  speaker: Speaker | null,
  main: Quote,
  all: Quote[],
): Found | null {
  const content = trimmedSpan(doc.text, Math.max(main.inner.start, s.start), Math.min(main.inner.end, s.end));
  if (!content) return null;
  return { attribution: build(doc, s, cue, speaker, 'direct', content, main), quotes: all };
}

function indirect(
  doc: Analysis,
  s: Sentence,
  cue: ReportingCue,
  speaker: Speaker | null,
  start: number,
  end: number,
  quotes: Quote[],
): Found | null {
  const content = trimmedSpan(doc.text, start, end);
  if (!content || !/[\p{L}\p{N}]/u.test(content.text)) return null;
  // A quoted fragment inside the reported clause is the speaker's words too: `… that the delays were "unacceptable"`.
  const inside = quotes.filter((q) => q.start >= content.start && q.end <= content.end + 1);
  return { attribution: build(doc, s, cue, speaker, 'indirect', content), quotes: inside };
}

/** "According to the ministry, 300 trains were cancelled." / "300 trains were cancelled, according to the ministry." */
function accordingTo(doc: Analysis, s: Sentence, cue: ReportingCue, resolver: SpeakerResolver): Found | null {
  const { tokens, text } = doc;
  const range = npStartingAt(tokens, cue.last + 1, s.tokenEnd) ?? wordsUntilPunct(tokens, cue.last + 1, s.tokenEnd);
  if (!range) return null;
  const speaker = resolver.fromRange(range, 'according-to');
  let npEnd = tokens[range[1]].end;
  // "According to the video maker, who is believed to live in Canada, the pair …": skip the relative clause.
  const relative = /^,\s*(who|which|whose)\b[^,]*,/.exec(text.slice(npEnd, s.end));
  if (relative) npEnd += relative[0].length;
  const cueStart = tokens[cue.first].start;
  const lead = trimmedSpan(text, s.start, cueStart);
  const content =
    lead && /[\p{L}\p{N}]{3}/u.test(lead.text) && !/^(but|and|yet|however)$/i.test(lead.text)
      ? lead
      : trimmedSpan(text, npEnd, bodyEnd(tokens, s));
  if (!content) return null;
  return { attribution: build(doc, s, cue, speaker, 'according-to', content), quotes: [] };
}

/** "photos showing the infant" is no report; "is showing" and "showed" are. */
function isFiniteVerb(tokens: Token[], verb: number): boolean {
  return !/ing$/.test(tokens[verb].text) || tokens[verb - 1]?.pos === 'AUX';
}

/** Fallback source phrase when POS tags mislead ("according to initial examinations", `initial` tagged VERB). */
function wordsUntilPunct(tokens: Token[], from: number, to: number): TokenRange | null {
  let k = from;
  while (k < to && k < from + 8 && tokens[k].pos !== 'PUNCT') k++;
  return k > from ? [from, k - 1] : null;
}

function build(
  doc: Analysis,
  s: Sentence,
  cue: ReportingCue,
  speaker: Speaker | null,
  kind: Attribution['kind'],
  content: Span,
  quote?: Quote,
): Attribution {
  const verb = spanOf(doc.text, doc.tokens, [cue.first, cue.last]);
  const parts: Span[] = [verb, content];
  if (speaker?.mention) parts.push(speaker.mention);
  if (quote) parts.push(quote);
  const start = Math.max(s.start, Math.min(...parts.map((p) => p.start)));
  const end = Math.min(s.end, Math.max(...parts.map((p) => p.end)));
  return {
    start,
    end,
    text: doc.text.slice(start, end),
    sentence: s.id,
    speaker,
    verb: { ...verb, lemma: cue.lemma, stance: cue.stance },
    kind,
    content,
  };
}

/** Gives each quote its speaker; a quote without its own attribution inherits from the quote before it in the paragraph. */
function fillQuoteSpeakers(doc: Analysis, found: Found[]): void {
  const claimed = new Set<Quote>();
  for (const f of found) {
    for (const q of f.quotes) {
      q.speaker ??= f.attribution.speaker;
      claimed.add(q);
    }
  }
  let prev: Quote | null = null;
  for (const q of doc.quotes) {
    const block = doc.sentences[q.sentences[0]]?.block;
    const prevBlock = prev ? doc.sentences[prev.sentences[prev.sentences.length - 1]]?.block : -1;
    const continues =
      prev !== null && (prevBlock === block || (prevBlock === block - 1 && isOpenEnded(doc.text, prev)));
    if (!claimed.has(q) && continues && prev?.speaker) q.speaker = { ...prev.speaker, mention: null };
    prev = q;
  }
}

/** A quote part cut by the paragraph-continuation convention ends without a closing mark. */
function isOpenEnded(text: string, q: Quote): boolean {
  return q.inner.end === q.end && !/["”»'’]$/.test(text.slice(q.start, q.end));
}

function groupQuotes(doc: Analysis): Map<number, Quote[]> {
  const map = new Map<number, Quote[]>();
  for (const q of doc.quotes) for (const id of q.sentences) map.set(id, [...(map.get(id) ?? []), q]);
  return map;
}
