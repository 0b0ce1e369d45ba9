import { describe, expect, it } from 'vitest';
import { detectLanguage, plainlyEnglish } from './language.js';
import type { Block } from '../types.js';

const block = (text: string): Block[] => [{ start: 0, end: text.length, kind: 'paragraph' }];
const english =
  'The council said on Tuesday that the new bridge would open in the spring, after two years of delays. Its chair told reporters that the cost had risen by a third, and that the contractor was not to blame for all of it.';
const french =
  'Le gouvernement a annoncé mardi une nouvelle réforme des retraites, qui sera présentée au Parlement la semaine prochaine. Les syndicats ont immédiatement appelé à la grève dans plusieurs grandes villes du pays.';
const german =
  'Die Stadtverwaltung teilte am Dienstag mit, dass die neue Brücke im Frühjahr eröffnet werden soll, nach zwei Jahren Verzögerung. Der Vorsitzende sagte, die Kosten seien um ein Drittel gestiegen.';

describe('language', () => {
  it('settles plain English news by function words, without the n-gram detector', () => {
    expect(plainlyEnglish(english)).toBe(true);
    expect(detectLanguage(english, block(english))).toBe('en');
  });

  it('leaves other languages to the detector', () => {
    expect(plainlyEnglish(french)).toBe(false);
    expect(plainlyEnglish(german)).toBe(false);
    expect(detectLanguage(french, block(french))).toBe('fr');
    expect(detectLanguage(german, block(german))).toBe('de');
  });

  it('says nothing about a sample too short to judge', () => {
    expect(detectLanguage('Short.', block('Short.'))).toBeNull();
  });
});
