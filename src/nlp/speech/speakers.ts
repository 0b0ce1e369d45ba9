import type { Analysis, Speaker, Span, Token } from '../../types.js';
import { properRuns, type TokenRange } from './noun-phrases.js';
import { genderOf, isOrgHead, isTitleWord, personWord, type Gender } from './person-words.js';
import { plainKey, speakerKey } from './speaker-key.js';

/** Someone a later pronoun can point back to. */
interface Antecedent {
  name: string;
  key: string;
  at: number;
  sentence: number;
  gender: Gender | null;
}

/** A capitalised run read as a name: its tokens without leading titles, and whether it names an organisation. */
interface NameRun {
  first: number;
  last: number;
  org: boolean;
  gender: Gender | null;
}

const PRONOUN_LOOKBACK_SENTENCES = 6;
const IT_LOOKBACK_SENTENCES = 3;

/**
 * Turns the words next to a reporting verb into a Speaker, resolving pronouns to earlier names.
 * Example: `Transport Minister Anna Weber visited … . She added that …` → "She" → Anna Weber (via pronoun).
 */
export class SpeakerResolver {
  private readonly people: Antecedent[] = [];
  private readonly bodies: Antecedent[] = [];

  constructor(private readonly doc: Analysis) {
    if (doc.entities.length) this.collectEntities();
    else this.collectRuns();
  }

  /** The speaker named by the tokens `range` (a pronoun, a name or a description). */
  fromRange(range: TokenRange, via: Speaker['via'] = 'name'): Speaker | null {
    const { tokens, text } = this.doc;
    const mention = spanOf(text, tokens, range);
    const [first, last] = range;
    if (first === last && tokens[first].pos === 'PRON') return this.fromPronoun(tokens[first]);
    const entity = this.entityIn(mention);
    if (entity) {
      return { name: this.displayName(entity.key, entity.text), key: entity.key, mention, via };
    }
    {
      const runs = properRuns(tokens, range)
        .map((r) => nameRun(tokens, r, true))
        .filter((r): r is NameRun => r !== null);
      const run = runs.find((r) => !r.org) ?? runs[runs.length - 1];
      if (run) {
        const written = text.slice(tokens[run.first].start, tokens[run.last].end);
        const full = this.fullName(written, tokens[run.first].start);
        return {
          name: full?.name ?? written,
          key: full?.key ?? speakerKey(written, run.org ? 'org' : 'person'),
          mention,
          via,
        };
      }
    }
    return this.fromDescription(mention, tokens[last], via);
  }

  /** Remembers a speaker found by description ("the ministry said") so that a later "it said" can point to it. */
  rememberBody(speaker: Speaker, sentence: number): void {
    if (speaker.via === 'pronoun' || !speaker.mention || this.peopleKeys().has(speaker.key)) return;
    // "the spokeswoman said" names a person, not a body a later "it" can refer to.
    const head = /(\p{L}+)\W*$/u.exec(speaker.mention.text)?.[1] ?? '';
    const kind = personWord(head)?.kind;
    if (kind === 'role' || kind === 'office' || kind === 'title' || kind === 'name') return;
    // Kept sorted by insertion at its place (was push + sort per call: quadratic on long texts).
    const body = { name: speaker.name, key: speaker.key, at: speaker.mention.start, sentence, gender: 'n' as const };
    this.bodies.splice(firstAtOrAfter(this.bodies, body.at + 1), 0, body);
  }

  private keys: Set<string> | null = null;
  private peopleKeys(): Set<string> {
    // People are all collected in the constructor, so the set is built once.
    this.keys ??= new Set(this.people.map((p) => p.key));
    return this.keys;
  }

  private fromPronoun(pronoun: Token): Speaker | null {
    const gender = genderOf(pronoun.lemma);
    if (!gender || personWord(pronoun.lemma)?.kind !== 'pronoun') return null;
    const found =
      gender === 'n'
        ? latest(this.bodies, pronoun, IT_LOOKBACK_SENTENCES, () => true)
        : latest(
            this.people,
            pronoun,
            PRONOUN_LOOKBACK_SENTENCES,
            (a) => (a.gender === gender || a.gender === null) && !isAcronym(a.name),
          );
    if (!found) return null;
    return {
      name: this.displayName(found.key, found.name),
      key: found.key,
      mention: { start: pronoun.start, end: pronoun.end, text: pronoun.text },
      via: 'pronoun',
    };
  }

  private fromDescription(mention: Span, head: Token, via: Speaker['via']): Speaker {
    // "the spokeswoman said" after "Maria Lenz, a spokeswoman for …": the description names her.
    const headWord = new RegExp(`\\b${escapeRegExp(head.lemma)}`, 'i');
    // Only the description's own head counts: "leader of the group" does not make its person "the group".
    const ownHead = (text: string) => text.split(/\s(?:of|for|at|with|from|in)\s/)[0];
    const described = this.doc.speakerDescriptions
      .filter((d) => d.end <= mention.start && headWord.test(ownHead(d.description.text)))
      .pop();
    if (described && /^(the|this|that)\b/i.test(mention.text)) {
      return { name: described.personName, key: described.person, mention, via: 'description' };
    }
    return { name: mention.text, key: plainKey(mention.text), mention, via: via === 'name' ? 'description' : via };
  }

  private entityIn(mention: Span) {
    // Entities are in text order: binary search instead of a filter over all of them per mention.
    const all = this.doc.entities;
    const inside = [];
    for (
      let i = firstAtOrAfter(all, mention.start, (e) => e.start);
      i < all.length && all[i].start < mention.end;
      i++
    ) {
      const e = all[i];
      if (e.end <= mention.end && (e.type === 'person' || e.type === 'org')) inside.push(e);
    }
    return inside.find((e) => e.type === 'person') ?? inside[inside.length - 1] ?? null;
  }

  /** The name as written where the person was first named ("Maria Lenz", not a later "Lenz"). */
  private displayName(key: string, fallback: string): string {
    return this.people.find((p) => p.key === key)?.name ?? fallback;
  }

  /** A surname alone ("Lenz") stands for the full name seen before ("Maria Lenz"). */
  private fullName(name: string, at: number): Antecedent | null {
    if (name.includes(' ')) return null;
    for (let i = this.people.length - 1; i >= 0; i--) {
      const p = this.people[i];
      if (p.at < at && p.name.endsWith(' ' + name)) return p;
    }
    return null;
  }

  private keyForName(name: string, at: number): string {
    return this.fullName(name, at)?.key ?? speakerKey(name);
  }

  private collectEntities(): void {
    const { tokens, sentences } = this.doc;
    for (const e of this.doc.entities) {
      if (e.type !== 'person' && e.type !== 'org') continue;
      const list = e.type === 'person' ? this.people : this.bodies;
      const s = sentences[e.sentence];
      const first = tokenAt(tokens, s.tokenStart, s.tokenEnd, e.start);
      const gender =
        e.type === 'person' && first >= 0 ? genderNear(tokens, first, s.tokenStart, s.tokenEnd, e.text) : null;
      list.push({
        name: e.text,
        key: e.key,
        at: e.start,
        sentence: e.sentence,
        gender: e.type === 'org' ? 'n' : gender,
      });
    }
  }

  /** Without step 04's entities: capitalised runs of two or three words, or one word after a title. */
  private collectRuns(): void {
    const { tokens, text } = this.doc;
    for (const s of this.doc.sentences) {
      for (const r of properRuns(tokens, [s.tokenStart, s.tokenEnd - 1])) {
        const run = nameRun(tokens, r);
        if (!run) continue;
        const name = text.slice(tokens[run.first].start, tokens[run.last].end);
        const at = tokens[run.first].start;
        if (run.org) this.bodies.push({ name, key: speakerKey(name, 'org'), at, sentence: s.id, gender: 'n' });
        else {
          const gender = run.gender ?? genderNear(tokens, run.first, s.tokenStart, s.tokenEnd, name);
          this.people.push({ name, key: this.keyForName(name, at), at, sentence: s.id, gender });
        }
      }
    }
  }
}

/** Strips leading titles ("Defence Minister Boris Pistorius" → "Boris Pistorius"); null for runs that are no name. */
function nameRun(tokens: Token[], [first, last]: TokenRange, allowSingle = false): NameRun | null {
  if (isOrgHead(tokens[last].lemma)) return { first, last, org: true, gender: 'n' };
  let start = first;
  let gender: Gender | null = null;
  for (let i = first; i <= last; i++) {
    if (isTitleWord(tokens[i].text)) {
      start = i + 1;
      gender = genderOf(tokens[i].text) ?? gender;
    }
  }
  const titled = start > first || (first > 0 && isTitleWord(tokens[first - 1].text));
  const length = last - start + 1;
  if (length < 1 || length > 3 || (length === 1 && !titled && !allowSingle)) return null;
  return { first: start, last, org: false, gender: gender ?? genderOf(tokens[start].text) };
}

/** Gender from a title before the name, the given name, or a role noun close after it (", a spokeswoman for …"). */
function genderNear(tokens: Token[], first: number, from: number, to: number, name: string): Gender | null {
  if (first - 1 >= from) {
    const g = genderOf(tokens[first - 1].text);
    if (g && g !== 'n') return g;
  }
  const given = genderOf(name.split(/\s+/)[0]);
  if (given && given !== 'n') return given;
  for (let i = first + 1; i < Math.min(to, first + 8); i++) {
    const w = personWord(tokens[i].lemma);
    if (w?.kind === 'role' && w.gender) return w.gender;
  }
  return null;
}

/** First index whose position is ≥ `at` in a list sorted by position. */
function firstAtOrAfter<T>(
  list: T[],
  at: number,
  pos: (x: T) => number = (x) => (x as unknown as Antecedent).at,
): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pos(list[mid]) < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function latest(
  list: Antecedent[],
  pronoun: Token,
  lookback: number,
  ok: (a: Antecedent) => boolean,
): Antecedent | null {
  // Lists are in text order (entities and runs are collected in order; bodies are inserted in place).
  for (let i = firstAtOrAfter(list, pronoun.start) - 1; i >= 0; i--) {
    const a = list[i];
    if (pronoun.sentence - a.sentence > lookback) return null;
    if (ok(a)) return a;
  }
  return null;
}

function tokenAt(tokens: Token[], from: number, to: number, offset: number): number {
  for (let i = from; i < to; i++) if (tokens[i].start === offset) return i;
  return -1;
}

export function spanOf(text: string, tokens: Token[], [first, last]: TokenRange): Span {
  const start = tokens[first].start;
  const end = tokens[last].end;
  return { start, end, text: text.slice(start, end) };
}

/** "WKYC", "NASA": typed as a person by mistake at times, never a he or she. */
function isAcronym(name: string): boolean {
  return /^[\p{Lu}\d.&-]+$/u.test(name);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
