import { lexicon } from '../../lexicons.js';

export type Gender = 'm' | 'f' | 'n';

interface PersonWord {
  word: string;
  kind: 'pronoun' | 'title' | 'role' | 'name' | 'office' | 'org-head';
  gender: Gender | null;
}

let byWord: Map<string, PersonWord> | null = null;
function table(): Map<string, PersonWord> {
  byWord ??= new Map(lexicon<PersonWord>('pronouns').entries.map((e) => [e.word, e]));
  return byWord;
}

/** The lexicon entry for a word ("she", "Mrs", "spokeswoman", "Anna", "Minister"), case-insensitive, trailing period ignored. */
export function personWord(word: string): PersonWord | undefined {
  return table().get(word.toLowerCase().replace(/\.$/, ''));
}

/** Gender of a pronoun, title, role noun or given name; null when the word says nothing about it. */
export function genderOf(word: string): Gender | null {
  return personWord(word)?.gender ?? null;
}

/** Words that stand before a name without being part of it: courtesy titles and offices ("Mr", "Minister"). */
export function isTitleWord(word: string): boolean {
  const kind = personWord(word)?.kind;
  return kind === 'title' || kind === 'office';
}

/** A word that, ending a capitalised run, makes it an organisation ("Federal Railway Authority"). */
export function isOrgHead(word: string): boolean {
  return personWord(word)?.kind === 'org-head';
}
