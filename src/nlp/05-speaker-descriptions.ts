import type { Analysis, SpeakerDescription, Token } from '../types.js';
import { sameEntity } from './entities/key.js';
import { entityLexicons, fold } from './entities/lexicons.js';
import { describedOrg, isRoleWord, walkBack, walkForward } from './entities/descriptions.js';

/**
 * Step 05: the description that introduces a person, in any of the usual news shapes:
 * "Maria Lenz, a spokeswoman for the Federal Railway Authority, said" (after the name, also after an age: "Tom Ode, 54, the …"),
 * "the authority's chief executive, Tom Ode, said" (before the name, set off by commas),
 * "Federal Railway Authority spokeswoman Maria Lenz said", "Defence Minister Boris Pistorius" (right before the name).
 */
export function findSpeakerDescriptions(doc: Analysis): SpeakerDescription[] {
  const { tokens } = doc;
  const byStart = new Map<number, number>();
  tokens.forEach((t, i) => {
    byStart.set(t.start, i);
  });
  const fullNames = new Map<string, string>();
  for (const e of doc.entities)
    if (e.type === 'person' && e.text.length > (fullNames.get(e.key)?.length ?? 0)) fullNames.set(e.key, e.text);

  const out: SpeakerDescription[] = [];
  const seen = new Set<string>(); // start:end of each description, for a duplicate test in constant time
  for (const person of doc.entities) {
    if (person.type !== 'person') continue;
    const first = byStart.get(person.start);
    if (first === undefined) continue;
    let last = first;
    while (last + 1 < tokens.length && tokens[last + 1].end <= person.end) last++;
    for (const range of [after(tokens, last), before(tokens, first, last), premodifier(tokens, first)]) {
      if (!range) continue;
      const [a, b] = range;
      const description = span(doc.text, tokens[a].start, tokens[b].end);
      const start = Math.min(person.start, description.start);
      const end = Math.max(person.end, description.end);
      if (seen.has(`${start}:${end}`)) continue;
      seen.add(`${start}:${end}`);
      out.push({
        ...span(doc.text, start, end),
        person: person.key,
        personName: fullNames.get(person.key) ?? person.text,
        description,
        org: describedOrg(doc, description),
      });
    }
  }
  return out.sort((x, y) => x.start - y.start);
}

/** The first description of a person in the document (keys compared with `sameEntity`: "lenz" finds "maria lenz"). */
export function describeSpeaker(doc: Analysis, personKey: string): SpeakerDescription | undefined {
  const list = doc.speakerDescriptions.length ? doc.speakerDescriptions : findSpeakerDescriptions(doc);
  return list.find((d) => d.person === personKey) ?? list.find((d) => sameEntity(d.person, personKey));
}

function span(text: string, start: number, end: number): { start: number; end: number; text: string } {
  return { start, end, text: text.slice(start, end) };
}

/** Start of a title like "Secretary of State" ending at token `b` (its last word alone is no role), or -1. */
function multiWordTitleStart(tokens: Token[], b: number): number {
  const titles = entityLexicons().titles;
  for (let a = Math.max(0, b - 3); a < b; a++) {
    if (tokens[a].sentence !== tokens[b].sentence) continue;
    const words = tokens.slice(a, b + 1).map((t) => fold(t.text));
    if (titles.get(words[0])?.some((t) => t.words.join(' ') === words.join(' '))) return a;
  }
  return -1;
}

const OPENS_DESCRIPTION = new Set(['a', 'an', 'the', 'his', 'her', 'its', 'their', 'former', 'then']);

/** "Maria Lenz, a spokeswoman for the authority," and "Tom Ode, 54, the chief executive of …,". */
function after(tokens: Token[], last: number): [number, number] | null {
  const s = tokens[last].sentence;
  let k = last + 1;
  if (tokens[k]?.text !== ',') return null;
  k++;
  if (tokens[k]?.pos === 'NUM' && tokens[k + 1]?.text === ',') k += 2; // an age
  const start = tokens[k];
  if (!start || start.sentence !== s) return null;
  // "Jane Roe, security adviser to the Council,": a bare noun phrase opens one when a role word comes within three words.
  const bareRole =
    (start.pos === 'NOUN' || start.pos === 'ADJ' || start.pos === 'PROPN') &&
    [1, 2, 3].some((o) => tokens[k + o]?.sentence === s && isRoleWord(tokens[k + o]));
  const opener =
    OPENS_DESCRIPTION.has(start.text.toLowerCase()) || isRoleWord(start) || tokens[k + 1]?.text === "'s" || bareRole;
  if (!opener) return null;
  const end = walkForward(tokens, k);
  if (end === null) return null;
  for (let i = k; i <= end; i++) if (isRoleWord(tokens[i])) return [k, end];
  return null;
}

/** "the authority's chief executive, Tom Ode, said", "a spokeswoman for the ministry, Anna Schmidt, said": role phrase, comma, name. */
function before(tokens: Token[], first: number, last: number): [number, number] | null {
  const comma = tokens[first - 1];
  const end = first - 2;
  if (comma?.text !== ',' || end < 0 || tokens[end].sentence !== tokens[first].sentence) return null;
  const next = tokens[last + 1];
  // The name must close the appositive: ", Tom Ode," or ", Tom Ode said" or the sentence ends.
  if (next && next.sentence === tokens[first].sentence && !/^[,.;:!?)"”’]$/.test(next.text) && next.pos !== 'VERB')
    return null;
  const a = walkBack(tokens, end, true);
  for (let i = a; i <= end; i++) if (isRoleWord(tokens[i])) return [a, end];
  return null;
}

/** "Federal Railway Authority spokeswoman Maria Lenz", "Defence Minister Boris Pistorius", "Maj. Gen. Peter Lenz". */
function premodifier(tokens: Token[], first: number): [number, number] | null {
  let b = first - 1;
  while (b >= 0 && tokens[b].text === '.' && tokens[b].sentence === tokens[first].sentence) b--; // "Gen." split as "Gen" "."
  const head = tokens[b];
  if (!head || head.sentence !== tokens[first].sentence) return null;
  const titleStart = multiWordTitleStart(tokens, b);
  if (titleStart >= 0) return [walkBack(tokens, titleStart, false), b];
  if (!isRoleWord(head)) return null;
  const title = entityLexicons().titles.get(fold(head.text));
  if (title?.every((t) => t.kind === 'honorific')) return null;
  return [walkBack(tokens, b, false), b];
}
