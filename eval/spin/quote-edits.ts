/**
 * Quote edits for the `quotes` task, gold by construction: plain regular expressions over the text (never Unspun's
 * NLP — gold made with the measured tool would measure nothing). A quote is `"…"` or `“…”` of 5-60 words followed
 * by a say-clause naming its speaker (`…," Smith said` / `…," said John Smith`).
 */
import type { Rng } from './rng.js';

export type QuoteEditKind = 'altered' | 're-attributed' | 'de-attributed' | 'fabricated' | 'control';
export const QUOTE_EDIT_KINDS: QuoteEditKind[] = ['altered', 're-attributed', 'de-attributed', 'fabricated', 'control'];
/** The mutation each edit must produce on the edited copy (control: none). */
export const EXPECTED_MUTATION: Record<QuoteEditKind, string | null> = {
  altered: 'words-changed',
  're-attributed': 'speaker-changed',
  'de-attributed': 'speaker-dropped',
  fabricated: 'possibly-fabricated',
  control: null,
};

export interface QuoteEdit {
  kind: QuoteEditKind;
  text: string;
  /** The quote's words after the edit (the lookup query). */
  quote: string;
}

const NAME = String.raw`[A-Z][a-z]+(?:\s+(?:[A-Z]\.\s*)?[A-Z][a-z'-]+){0,2}`;
const VERB = '(?:said|says|told reporters|added)';
/** `"words," Name said` (name first) or `"words," said Name`. */
const ATTRIBUTED = new RegExp(
  String.raw`(["“])([^"“”\n]{20,400}?)([,.!?]?)(["”])(\s+)(?:(${NAME})\s+(${VERB})|(${VERB})\s+(${NAME}))`,
  'g',
);

interface Found {
  start: number;
  end: number;
  open: string;
  words: string;
  punct: string;
  close: string;
  space: string;
  name: string;
  verb: string;
  nameFirst: boolean;
}

/** Attributed quotes of 5-60 words whose speaker is a capitalised name (not "He", "The", "It"). */
export function attributedQuotes(text: string): Found[] {
  const out: Found[] = [];
  for (const m of text.matchAll(ATTRIBUTED)) {
    const nameFirst = m[6] !== undefined;
    const name = nameFirst ? m[6] : m[9];
    const n = m[2].split(/\s+/).length;
    if (n < 5 || n > 60 || /^(He|She|It|They|The|This|That|We|I|But|And|A|An)\b/.test(name)) continue;
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      open: m[1],
      words: m[2],
      punct: m[3],
      close: m[4],
      space: m[5],
      name,
      verb: nameFirst ? m[7] : m[8],
      nameFirst,
    });
  }
  return out;
}

const SWAPS = ['ridiculous', 'wonderful', 'dangerous', 'shameful', 'essential', 'impossible', 'remarkable', 'terrible'];
/** Slots of an invented quote: 20 words each, so two invented quotes share few content words (not one quote). */
const INVENTED = {
  adj: [
    'bitter',
    'costly',
    'hidden',
    'reckless',
    'quiet',
    'brutal',
    'foolish',
    'secret',
    'hasty',
    'cruel',
    'noisy',
    'lazy',
    'greedy',
    'clumsy',
    'timid',
    'stubborn',
    'shabby',
    'sloppy',
    'vain',
    'gloomy',
  ],
  noun: [
    'committee',
    'landlord',
    'council',
    'insurer',
    'lawyer',
    'bishop',
    'trustee',
    'sheriff',
    'auditor',
    'banker',
    'governor',
    'doctor',
    'builder',
    'farmer',
    'teacher',
    'captain',
    'jockey',
    'vicar',
    'baker',
    'miner',
  ],
  verb: [
    'punish',
    'reward',
    'haunt',
    'silence',
    'bankrupt',
    'rescue',
    'outlast',
    'embarrass',
    'outvote',
    'sue',
    'shame',
    'impress',
    'expose',
    'outwit',
    'ruin',
    'reform',
    'replace',
    'unite',
    'divide',
    'forgive',
  ],
  thing: [
    'pensioner',
    'cyclist',
    'tenant',
    'shopkeeper',
    'fisherman',
    'nurse',
    'voter',
    'student',
    'driver',
    'neighbour',
    'plumber',
    'gardener',
    'pilot',
    'sailor',
    'painter',
    'butcher',
    'porter',
    'tailor',
    'weaver',
    'clerk',
  ],
  place: [
    'Ashford',
    'Bampton',
    'Corbridge',
    'Dunster',
    'Ely',
    'Frome',
    'Girvan',
    'Hexham',
    'Ilkley',
    'Jarrow',
    'Kendal',
    'Ludlow',
    'Malton',
    'Nairn',
    'Oban',
    'Penrith',
    'Ripon',
    'Settle',
    'Thirsk',
    'Wells',
  ],
};
/** Common first names (so the new speaker reads as a person), surnames no base text has. */
const INVENTED_NAMES = ['John Mercer', 'Sarah Whitlock', 'David Ormond', 'Karen Pryce', 'Michael Danvers'];

/**
 * One edit of `text` (null when it has no attributed quote). The invented quote carries `tag` (a number unique per
 * case), so two cases never invent the same words.
 */
export function applyQuoteEdit(kind: QuoteEditKind, text: string, r: Rng, tag: number): QuoteEdit | null {
  const quotes = attributedQuotes(text);
  if (!quotes.length) return null;
  const q = r.pick(quotes);
  const splice = (s: string) => text.slice(0, q.start) + s + text.slice(q.end);
  const say = (name: string) => (q.nameFirst ? `${name} ${q.verb}` : `${q.verb} ${name}`);
  switch (kind) {
    case 'control':
      // A credit line: the copy is stored as its own article (the same text would be a duplicate of the base).
      return { kind, text: `${text.trimEnd()}\n\nReporting by the news desk.`, quote: q.words };
    case 'altered': {
      const ws = q.words.split(' ');
      const at = ws.map((w, i) => (i > 0 && /^[a-z]{5,}$/.test(w) ? i : -1)).filter((i) => i >= 0);
      if (!at.length) return null;
      const i = r.pick(at);
      const swap = r.pick(SWAPS.filter((s) => s !== ws[i]));
      ws[i] = swap;
      const words = ws.join(' ');
      return { kind, text: splice(`${q.open}${words}${q.punct}${q.close}${q.space}${say(q.name)}`), quote: words };
    }
    case 're-attributed': {
      const other = r.pick(INVENTED_NAMES.filter((n) => !text.includes(n.split(' ')[1])));
      return { kind, text: splice(`${q.open}${q.words}${q.punct}${q.close}${q.space}${say(other)}`), quote: q.words };
    }
    case 'de-attributed': {
      // The say-clause goes with the rest of its sentence: `"…," Smith said on Tuesday.` → `"…."`
      const rest = /^[^.\n]{0,80}\./.exec(text.slice(q.end));
      const end = q.end + (rest ? rest[0].length : 0);
      return {
        kind,
        text: `${text.slice(0, q.start)}${q.open}${q.words}.${q.close}${text.slice(end)}`,
        quote: q.words,
      };
    }
    case 'fabricated': {
      const i = INVENTED;
      const words = `The ${r.pick(i.adj)} ${r.pick(i.noun)} will ${r.pick(i.verb)} every ${r.pick(i.thing)} in ${r.pick(i.place)} within ${tag + 11} days`;
      const para = text.indexOf('\n\n', q.end);
      const at = para < 0 ? text.length : para;
      const added = `\n\n“${words},” ${q.name} said.`;
      return { kind, text: text.slice(0, at) + added + text.slice(at), quote: words };
    }
  }
}
