import { describe, expect, it } from 'vitest';
import { entityKey, sameEntity } from './key.js';

describe('entityKey', () => {
  it('shares a key across UK and US spelling', () => {
    expect(entityKey('Ministry of Defence', 'org')).toBe(entityKey('Ministry of Defense', 'org'));
    expect(entityKey('Defence Ministry', 'org')).toBe(entityKey('Ministry of Defence', 'org'));
  });

  it('strips a possessive and a leading "the"', () => {
    expect(entityKey("Germany's", 'place')).toBe('germany');
    expect(entityKey('the Federal Railway Authority', 'org')).toBe('federal railway authority');
    expect(entityKey('Federal Railway Authority', 'org')).toBe('federal railway authority');
  });

  it('maps aliases and abbreviations to one key', () => {
    expect(entityKey('U.S.', 'place')).toBe('united states');
    expect(entityKey('US', 'place')).toBe('united states');
    expect(entityKey('United States', 'place')).toBe('united states');
    expect(entityKey('Britain', 'place')).toBe(entityKey('U.K.', 'place'));
    expect(entityKey('Kiev', 'place')).toBe(entityKey('Kyiv', 'place'));
  });

  it('keys a name with or without the particles an entity run reads across (one list for both)', () => {
    expect(entityKey('Erik ten Hag', 'person')).toBe(entityKey('Erik Hag', 'person'));
    expect(entityKey('José Eduardo dos Santos', 'person')).toBe(entityKey('José Eduardo Santos', 'person'));
    expect(entityKey('Ursula von der Leyen', 'person')).toBe('ursula leyen');
  });

  it('keys a demonym as its place', () => {
    expect(entityKey('German', 'place')).toBe('germany');
    expect(entityKey('British', 'place')).toBe('united kingdom');
  });

  it('folds case and diacritics', () => {
    expect(entityKey('BADEN-WÜRTTEMBERG', 'place')).toBe('baden-wurttemberg');
    expect(entityKey('München', 'place')).toBe('munich');
  });

  it('drops titles and suffixes from person keys', () => {
    expect(entityKey('Maj. Gen. Peter Lenz', 'person')).toBe('peter lenz');
    expect(entityKey('Ms Lenz', 'person')).toBe('lenz');
    expect(entityKey('Martin Luther King Jr.', 'person')).toBe('martin luther king');
    expect(entityKey('Mohamed Al Fayed', 'person')).toBe(entityKey('Mohamed al-Fayed', 'person'));
    expect(entityKey('Mohamed al-Fayed', 'person')).toBe('mohamed fayed');
    expect(entityKey('Ursula von der Leyen', 'person')).toBe('ursula leyen');
    expect(entityKey('Neal R. Sonnett', 'person')).toBe(entityKey('Neal Sonnett', 'person'));
  });

  it('drops a legal suffix from company keys', () => {
    expect(entityKey('Siemens AG', 'org')).toBe('siemens');
    expect(entityKey('Acme Corp.', 'org')).toBe('acme');
  });
});

describe('sameEntity', () => {
  it('matches a surname against a full name', () => {
    expect(sameEntity('lenz', 'maria lenz')).toBe(true);
    expect(sameEntity('maria lenz', 'lenz')).toBe(true);
  });

  it('does not match different people or place parts', () => {
    expect(sameEntity('maria lenz', 'peter lenz')).toBe(false);
    expect(sameEntity('york', 'new york')).toBe(false);
    expect(sameEntity('authority', 'federal railway authority')).toBe(false);
    expect(sameEntity('lenz', 'lenzburg')).toBe(false);
  });

  it('matches a name with and without a place qualifier, and hyphen variants', () => {
    expect(sameEntity('us supreme court', 'supreme court')).toBe(true);
    expect(sameEntity('russian foreign ministry', 'foreign ministry')).toBe(true);
    expect(sameEntity('afl-cio', 'afl cio')).toBe(true);
    expect(sameEntity('federal court', 'supreme court')).toBe(false);
    expect(sameEntity('court', 'supreme court')).toBe(false);
  });

  it('matches equal keys', () => {
    expect(sameEntity('defense ministry', 'defense ministry')).toBe(true);
  });
});
