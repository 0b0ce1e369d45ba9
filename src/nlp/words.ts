import type { Token } from '../types.js';

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** A word token: it has a letter or digit ("12,000", "don't"; not "," or "—"). */
export function isWord(token: Pick<Token, 'text'>): boolean {
  return LETTER_OR_DIGIT.test(token.text);
}

/** A content word: a word that is not a stop word ("troops", "12,000"; not "the", "was"). What checks compare. */
export function isContentWord(token: Pick<Token, 'text' | 'stop'>): boolean {
  return !token.stop && LETTER_OR_DIGIT.test(token.text);
}

const OPEN_CLASS = new Set(['NOUN', 'PROPN', 'VERB', 'ADJ', 'NUM', 'ADV']);

/** An open-class part of speech (noun, proper noun, verb, adjective, number, adverb): the relation features' content words. */
export function isOpenClass(pos: string): boolean {
  return OPEN_CLASS.has(pos);
}
