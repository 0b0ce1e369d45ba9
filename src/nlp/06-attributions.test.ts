import { describe, expect, it } from 'vitest';
import type { Analysis } from '../types.js';
import { analyzeText, expectSlicesBack } from './speech/test-support.js';

function attributions(text: string) {
  const doc: Analysis = analyzeText(text);
  for (const a of doc.attributions) expectSlicesBack(doc, [a, a.verb, a.content, a.speaker?.mention]);
  return { doc, list: doc.attributions };
}

describe('findAttributions', () => {
  it('reads a named speaker with an apposition and a that-clause holding a quoted word', () => {
    const { doc, list } = attributions(
      'Maria Lenz, a spokeswoman for the Federal Railway Authority, said on Tuesday that the delays were "unacceptable".',
    );
    expect(list).toHaveLength(1);
    expect(list[0].kind).toBe('indirect');
    expect(list[0].verb).toMatchObject({ text: 'said', lemma: 'say', stance: 'neutral' });
    expect(list[0].speaker).toMatchObject({ name: 'Maria Lenz', via: 'name' });
    expect(list[0].content.text).toBe('the delays were "unacceptable"');
    expect(doc.quotes[0].speaker?.name).toBe('Maria Lenz');
  });

  it('attributes a direct quote to the minister named after it', () => {
    const { doc, list } = attributions(
      '"We will not cut the budget," Defence Minister Boris Pistorius told reporters in Berlin.',
    );
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ kind: 'direct', verb: { lemma: 'tell' } });
    expect(list[0].content.text).toBe('We will not cut the budget');
    expect(list[0].speaker?.name).toMatch(/Boris Pistorius$/);
    expect(list[0].speaker?.key).toMatch(/pistorius/);
    expect(doc.quotes[0].speaker?.key).toBe(list[0].speaker?.key);
  });

  it('resolves "She" to the woman named two sentences earlier, not the man named before her', () => {
    const { list } = attributions(
      'Defence Minister Boris Pistorius opened the depot. Transport Minister Anna Weber toured the station on Monday. Engineers worked through the night. She added that the delays are evidence of mismanagement.',
    );
    const added = list.find((a) => a.verb.lemma === 'add');
    expect(added?.kind).toBe('indirect');
    expect(added?.speaker).toMatchObject({ name: 'Anna Weber', via: 'pronoun' });
    expect(added?.speaker?.mention?.text).toBe('She');
    expect(added?.content.text).toBe('the delays are evidence of mismanagement');
  });

  it('reads "according to" before and after the claim', () => {
    const { list } = attributions(
      'According to the ministry, 300 trains were cancelled. Fares will rise in May, according to Deutsche Bahn.',
    );
    expect(list.map((a) => a.kind)).toEqual(['according-to', 'according-to']);
    expect(list[0].content.text).toBe('300 trains were cancelled');
    expect(list[0].speaker).toMatchObject({ name: 'the ministry', via: 'according-to' });
    expect(list[1].content.text).toBe('Fares will rise in May');
    expect(list[1].speaker?.name).toBe('Deutsche Bahn');
  });

  it('gives "said" a neutral and "claims" a doubting stance, and "admitted" an endorsing one', () => {
    const { list } = attributions(
      'The operator said the trains were safe. The company claims the trains are safe. The operator admitted that two signals had failed.',
    );
    expect(list.map((a) => [a.verb.lemma, a.verb.stance])).toEqual([
      ['say', 'neutral'],
      ['claim', 'doubting'],
      ['admit', 'endorsing'],
    ]);
    expect(list[1].speaker).toMatchObject({ name: 'The company', via: 'description' });
  });

  it('reads inverted reports: a quote before "said X", and a clause before ", the union said"', () => {
    const { doc, list } = attributions(
      '“The line will reopen in March. Until then, buses will run,” said a spokesman for the operator. Passengers are furious, the union said on Monday.',
    );
    expect(list[0]).toMatchObject({
      kind: 'direct',
      speaker: { name: 'a spokesman for the operator', via: 'description' },
    });
    expect(doc.quotes[0].sentences).toEqual([0, 1]);
    expect(doc.quotes[0].speaker?.name).toBe('a spokesman for the operator');
    expect(list[1]).toMatchObject({ kind: 'indirect', content: { text: 'Passengers are furious' } });
  });

  it('passes the speaker to the next quote of the paragraph and to a continued paragraph', () => {
    const { doc } = attributions(
      '“We will fight,” Lenz said. “We will win in the end.\n\n“And we will not give up.”\n\nThe hearing continues.',
    );
    expect(doc.quotes.map((q) => q.speaker?.name)).toEqual(['Lenz', 'Lenz', 'Lenz']);
  });

  it('leaves narration, passives and verbs inside quotes alone', () => {
    const { list } = attributions(
      'The trains were late again. Passengers were told to wait. "I said we would come back," the driver said.',
    );
    expect(list).toHaveLength(1);
    expect(list[0].speaker?.name).toBe('the driver');
  });

  it('takes the quote after a colon as direct speech', () => {
    const { list } = attributions('The composer told the jury: "I just could not believe my eyes."');
    expect(list[0]).toMatchObject({
      kind: 'direct',
      content: { text: 'I just could not believe my eyes.' },
      speaker: { name: 'The composer' },
    });
  });
});

describe('findAttributions: inversions and edge cases', () => {
  it('reads "…, said the study\'s author, Dr Urho Kujala" with the apposed name as speaker', () => {
    const { list } = attributions(
      "Regular exercise may slow the loss of brain volume, said the study's author, Dr Urho Kujala, of the University of Jyvaskyla.",
    );
    expect(list).toHaveLength(1);
    expect(list[0].kind).toBe('indirect');
    expect(list[0].speaker?.key).toBe('urho kujala');
    expect(list[0].content.text).toBe('Regular exercise may slow the loss of brain volume');
  });

  it('does not read a participle or a noun object as a report', () => {
    const { list } = attributions(
      'The paper published photos showing the infant in the rubble. The minister confirmed the appointment.',
    );
    expect(list).toEqual([]);
  });
});

describe('findAttributions: speakers', () => {
  it('maps a later "the spokeswoman said" and a bare surname to the person first named', () => {
    const { list } = attributions(
      'Maria Lenz, a spokeswoman for the Federal Railway Authority, said the delays were unacceptable. The spokeswoman said repairs would take weeks. Lenz added that fares would not rise.',
    );
    expect(list.map((a) => a.speaker?.name)).toEqual(['Maria Lenz', 'Maria Lenz', 'Maria Lenz']);
    expect(new Set(list.map((a) => a.speaker?.key)).size).toBe(1);
  });

  it('resolves "it" to the organisation that spoke last, and skips the relative clause after "according to X"', () => {
    const { list } = attributions(
      'The Defence Ministry said the figures were wrong. It added that 300 trains were cancelled. According to the operator, which runs the line, fares will rise.',
    );
    expect(list[1].speaker).toMatchObject({ via: 'pronoun', key: list[0].speaker?.key });
    expect(list[2].content.text).toBe('fares will rise');
  });
});
