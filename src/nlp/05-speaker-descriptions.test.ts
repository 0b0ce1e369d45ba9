import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import type { Analysis } from '../types.js';
import { describeSpeaker } from './05-speaker-descriptions.js';
import { analyze } from './index.js';

function analyseText(text: string): Analysis {
  const doc = analyze(extract(text));
  for (const d of doc.speakerDescriptions) {
    expect(doc.text.slice(d.start, d.end)).toBe(d.text);
    expect(doc.text.slice(d.description.start, d.description.end)).toBe(d.description.text);
  }
  return doc;
}

/** [person key, description, org key] of every description. */
const of = (text: string) => analyseText(text).speakerDescriptions.map((d) => [d.person, d.description.text, d.org]);

describe('findSpeakerDescriptions: appositive after the name', () => {
  it('reads "Name, a role for Org, said"', () => {
    const doc = analyseText(
      'Maria Lenz, a spokeswoman for the Federal Railway Authority, said the delays were unacceptable.',
    );
    expect(doc.speakerDescriptions).toHaveLength(1);
    const [d] = doc.speakerDescriptions;
    expect(d).toMatchObject({
      person: 'maria lenz',
      personName: 'Maria Lenz',
      org: 'federal railway authority',
      text: 'Maria Lenz, a spokeswoman for the Federal Railway Authority',
    });
    expect(d.description.text).toBe('a spokeswoman for the Federal Railway Authority');
  });

  it('skips an age before the description', () => {
    expect(of('Tom Ode, 54, the chief executive of Deutsche Bahn, said the strike had cost millions.')).toEqual([
      ['tom ode', 'the chief executive of Deutsche Bahn', 'deutsche bahn'],
    ]);
  });

  it('ends the description before a relative clause', () => {
    expect(of('Ingrid Halvorsen, a former prosecutor who joined the agency in 2019, declined to comment.')).toEqual([
      ['ingrid halvorsen', 'a former prosecutor', null],
    ]);
  });

  it('does not read the next clause as a description', () => {
    expect(of("After questions from the ministry's lawyer, Anna Schmidt, Mr Ode withdrew the claim.")).toEqual([
      ['anna schmidt', "the ministry's lawyer", null],
    ]);
  });

  it('does not read a clause as a description', () => {
    expect(of('Maria Lenz, however, said the trains would run. Tom Ode, the authority said, had resigned.')).toEqual(
      [],
    );
  });
});

describe('findSpeakerDescriptions: appositive before the name', () => {
  it('reads "the org\'s role, Name, said" and resolves "the authority" to the org named earlier', () => {
    const text =
      "The Federal Railway Authority cut 40 routes. The authority's chief executive, Tom Ode, said more cuts were possible.";
    expect(of(text)).toEqual([['tom ode', "The authority's chief executive", 'federal railway authority']]);
  });

  it('resolves "the ministry" to an org named only later', () => {
    const text =
      '"The timetable is final," said Anna Schmidt, the ministry\'s spokeswoman. The Transport Ministry will publish it on Friday.';
    expect(of(text)).toEqual([['anna schmidt', "the ministry's spokeswoman", 'transport ministry']]);
  });

  it('reads "a role for the org, Name, said"', () => {
    expect(of('A spokeswoman for the Interior Ministry, Anna Schmidt, said the talks would continue.')).toEqual([
      ['anna schmidt', 'A spokeswoman for the Interior Ministry', 'interior ministry'],
    ]);
  });

  it('needs a role word: an introductory phrase is not a description', () => {
    expect(of('In a statement, Anna Schmidt said the talks would continue.')).toEqual([]);
  });
});

describe('findSpeakerDescriptions: role right before the name', () => {
  it('reads "Org spokeswoman Name said"', () => {
    expect(of('Federal Railway Authority spokeswoman Maria Lenz said on Tuesday that refunds would follow.')).toEqual([
      ['maria lenz', 'Federal Railway Authority spokeswoman', 'federal railway authority'],
    ]);
  });

  it('reads office titles and multi-word titles', () => {
    expect(of('Defence Minister Boris Pistorius and U.S. Secretary of State Antony Blinken met in Berlin.')).toEqual([
      ['boris pistorius', 'Defence Minister', null],
      ['antony blinken', 'U.S. Secretary of State', null],
    ]);
  });

  it('reads abbreviated ranks', () => {
    expect(of('Maj. Gen. Peter Lenz said the brigade would be ready.')).toEqual([['peter lenz', 'Maj. Gen.', null]]);
  });

  it('gives no description for a courtesy title', () => {
    expect(of('"It is fine," said Mr Lenz.')).toEqual([]);
  });
});

describe('describeSpeaker', () => {
  const doc = analyseText(
    'Maria Lenz, a spokeswoman for the Federal Railway Authority, said refunds would follow. Lenz, 45, added that the authority regretted the delays.',
  );

  it('finds the introducing description by full key or by surname', () => {
    expect(describeSpeaker(doc, 'maria lenz')?.description.text).toBe(
      'a spokeswoman for the Federal Railway Authority',
    );
    expect(describeSpeaker(doc, 'lenz')?.org).toBe('federal railway authority');
  });

  it('returns undefined for someone never described', () => {
    expect(describeSpeaker(doc, 'tom ode')).toBeUndefined();
  });
});
