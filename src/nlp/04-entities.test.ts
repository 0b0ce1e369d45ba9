import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import type { Analysis, Extracted } from '../types.js';
import { analyze } from './index.js';

function analyseText(text: string): Analysis {
  return analyze(extract(text));
}

/** [type, text, key] of every mention, after checking each span slices back exactly. */
function entities(doc: Analysis): Array<[string, string, string]> {
  for (const e of doc.entities) expect(doc.text.slice(e.start, e.end)).toBe(e.text);
  return doc.entities.map((e) => [e.type, e.text, e.key]);
}

const of = (text: string) => entities(analyseText(text));

describe('findEntities: people', () => {
  it('finds a full name with a given name, and later bare surnames resolve to it', () => {
    const doc = analyseText(
      'Maria Lenz, a spokeswoman for the Federal Railway Authority, said the delays were unacceptable. "We are sorry," said Ms Lenz. Lenz added that refunds would follow.',
    );
    const people = entities(doc).filter(([type]) => type === 'person');
    expect(people).toEqual([
      ['person', 'Maria Lenz', 'maria lenz'],
      ['person', 'Lenz', 'maria lenz'],
      ['person', 'Lenz', 'maria lenz'],
    ]);
  });

  it('splits a title from the name and keeps a place before it', () => {
    expect(of('German Chancellor Olaf Scholz arrived in Vilnius on Monday.')).toEqual([
      ['place', 'German', 'germany'],
      ['person', 'Olaf Scholz', 'olaf scholz'],
      ['place', 'Vilnius', 'vilnius'],
    ]);
  });

  it('handles abbreviated military ranks', () => {
    expect(of('However, Maj. Gen. Peter Lenz said the brigade would be ready by 2027.')).toEqual([
      ['person', 'Peter Lenz', 'peter lenz'],
    ]);
  });

  it('drops the description words before an office title', () => {
    expect(of('Defence Minister Boris Pistorius visited the troops.')).toEqual([
      ['person', 'Boris Pistorius', 'boris pistorius'],
    ]);
  });

  it('takes an unknown name next to a reporting verb as a person', () => {
    expect(of('The line will reopen in May, said Okonkwo.')).toEqual([['person', 'Okonkwo', 'okonkwo']]);
    expect(of('In an interview, Okonkwo told reporters the line would reopen.')).toEqual([
      ['person', 'Okonkwo', 'okonkwo'],
    ]);
    expect(of('The figures were checked, according to Halvorsen.')).toEqual([['person', 'Halvorsen', 'halvorsen']]);
  });

  it('takes a name before an age or "who" as a person, also at the start of a sentence', () => {
    expect(of('Halvorsen, 45, said the talks had failed.')).toEqual([['person', 'Halvorsen', 'halvorsen']]);
    expect(of('Nkemelu, who chairs the panel, said the report was late.')).toEqual([['person', 'Nkemelu', 'nkemelu']]);
  });

  it('takes a capitalised role word before a name as a title', () => {
    expect(of('Investigator Phil Yochum said the fire was set deliberately.')).toEqual([
      ['person', 'Phil Yochum', 'phil yochum'],
    ]);
  });

  it('takes a name after a role noun as a person', () => {
    expect(of('The cuts were confirmed by spokeswoman Ingrid Halvorsen on Friday.')).toEqual([
      ['person', 'Ingrid Halvorsen', 'ingrid halvorsen'],
    ]);
  });

  it('keeps name particles inside a name', () => {
    expect(of('Ursula von der Leyen said the package was ready.')).toEqual([
      ['person', 'Ursula von der Leyen', 'ursula leyen'],
    ]);
  });

  it('does not merge two titled people joined by "and"', () => {
    const people = of('Secretary of State Antony Blinken and Prime Minister Keir Starmer met in London.').filter(
      ([t]) => t === 'person',
    );
    expect(people.map(([, text]) => text)).toEqual(['Antony Blinken', 'Keir Starmer']);
  });

  it('leaves a surname shared by two people unresolved', () => {
    const doc = analyseText('Maria Lenz and Peter Lenz both spoke. Lenz said the vote was close.');
    expect(doc.entities.at(-1)).toMatchObject({ text: 'Lenz', type: 'person', key: 'lenz' });
  });
});

describe('findEntities: people named several ways in one article', () => {
  it('strips stacked titles and post-nominals from keys', () => {
    expect(of('Mr Justice Forbes told Peter Hughes QC to sit down.')).toEqual([
      ['person', 'Forbes', 'forbes'],
      ['person', 'Peter Hughes QC', 'peter hughes'],
    ]);
  });

  it('resolves a given name alone and a shorter form of a double-barrelled name', () => {
    const doc = analyseText(
      'Lisa Taylor-Lloyd said her son Matthew Young had been ill. Taylor Lloyd wept as Matthew was named.',
    );
    expect(entities(doc).map(([, text, key]) => [text, key])).toEqual([
      ['Lisa Taylor-Lloyd', 'lisa taylor lloyd'],
      ['Matthew Young', 'matthew young'],
      ['Taylor Lloyd', 'lisa taylor lloyd'],
      ['Matthew', 'matthew young'],
    ]);
  });

  it('types an unknown two-word name as a person once its surname is seen speaking', () => {
    const doc = analyseText('The court heard from Kevan Okafor on Monday. The decision was wrong, Okafor said.');
    expect(entities(doc).map(([type, text]) => [type, text])).toEqual([
      ['person', 'Kevan Okafor'],
      ['person', 'Okafor'],
    ]);
  });

  it('drops a capitalised sentence opener before a known name', () => {
    const doc = analyseText(
      'The jury heard from witness Ziad Okafor. Composer Ziad Okafor denied the claim. Tireless Okafor appealed.',
    );
    expect(entities(doc).map(([, text, key]) => [text, key])).toEqual([
      ['Ziad Okafor', 'ziad okafor'],
      ['Ziad Okafor', 'ziad okafor'],
      ['Okafor', 'ziad okafor'],
    ]);
  });

  it('does not take a bare title for a name', () => {
    expect(of('The Prime Minister said the Secretary of State would reply.')).toEqual([]);
  });
});

describe('findEntities: organisations, places, events', () => {
  it('takes a compass word before a known place as part of it', () => {
    expect(of('Flooding closed roads across West Yorkshire and North Wales.')).toEqual([
      ['place', 'West Yorkshire', 'west yorkshire'],
      ['place', 'North Wales', 'north wales'],
    ]);
  });

  it('keeps "of", "of the" and "and" inside organisation names', () => {
    expect(of("Germany's Ministry of Defence and the Department of Health and Human Services disagreed.")).toEqual([
      ['place', 'Germany', 'germany'],
      ['org', 'Ministry of Defence', 'defense ministry'],
      ['org', 'Department of Health and Human Services', 'health and human services department'],
    ]);
    expect(of('The Ministry of the Interior declined to comment.')).toEqual([
      ['org', 'Ministry of the Interior', 'interior ministry'],
    ]);
  });

  it('types organisations by head word and media titles', () => {
    expect(
      of(
        'The New York Times reported that the Bank of England would raise rates, citing Federal Railway Authority data.',
      ),
    ).toEqual([
      ['org', 'New York Times', 'new york times'],
      ['org', 'Bank of England', 'bank of england'],
      ['org', 'Federal Railway Authority', 'federal railway authority'],
    ]);
  });

  it('uses the alias lexicon for acronyms and the gazetteer for places', () => {
    expect(of('Officials in Washington said the U.N. Security Council, NATO and the U.S. had been told.')).toEqual([
      ['place', 'Washington', 'washington'],
      ['org', 'U.N. Security Council', 'un security council'],
      ['org', 'NATO', 'nato'],
      ['place', 'U.S.', 'united states'],
    ]);
  });

  it('types events by cue word', () => {
    expect(
      of('Delegates at the Munich Security Conference discussed the Winter Olympics and Hurricane Milton.'),
    ).toEqual([
      ['event', 'Munich Security Conference', 'munich security conference'],
      ['event', 'Winter Olympics', 'winter olympics'],
      ['event', 'Hurricane Milton', 'hurricane milton'],
    ]);
  });

  it('takes an unknown name after "in" or "from" as a place', () => {
    expect(of('Trains from Lindenhof were delayed.')).toEqual([['place', 'Lindenhof', 'lindenhof']]);
  });

  it('does not join a lower-case word after a hyphen', () => {
    expect(of('The U.S.-backed plan was rejected by President Bashar al-Assad.')).toEqual([
      ['place', 'U.S.', 'united states'],
      ['person', 'Bashar al-Assad', 'bashar assad'],
    ]);
  });

  it('joins hyphenated names', () => {
    expect(of('Flooding hit Baden-Württemberg and a Mercedes-Benz plant.')).toEqual([
      ['place', 'Baden-Württemberg', 'baden-wurttemberg'],
      ['other', 'Mercedes-Benz', 'mercedes-benz'],
    ]);
  });
});

describe('findEntities: what is not an entity', () => {
  it('ignores capitalised words that only open a sentence or a quote', () => {
    expect(
      of(
        'Officials said the line was closed. Critics argued the repairs came too late. "Commuters deserve better," she said.',
      ),
    ).toEqual([]);
  });

  it('ignores weekdays, months and bare head words', () => {
    expect(of('On Tuesday the Ministry said work would resume in March.')).toEqual([]);
  });

  it('accepts a sentence-opening name that appears mid-sentence elsewhere', () => {
    const doc = analyseText('Passengers praised Okafor for the quick response. Okafor thanked them.');
    expect(entities(doc).map(([, text]) => text)).toEqual(['Okafor', 'Okafor']);
  });
});

describe('findEntities: Title Case headings', () => {
  /** Blocks given by hand, so the test does not depend on how ingest spots headlines. */
  function fromBlocks(...blocks: Array<['heading' | 'paragraph', string]>): Analysis {
    let at = 0;
    const ex: Extracted = {
      text: blocks.map(([, t]) => t).join('\n\n'),
      blocks: blocks.map(([kind, t]) => {
        const block = { start: at, end: at + t.length, kind };
        at += t.length + 2;
        return block;
      }),
      title: null,
      byline: null,
      outlet: null,
      published: null,
      url: null,
      boilerplate: [],
      format: 'text',
      encoding: 'utf-8',
      warnings: [],
    };
    return analyze(ex);
  }
  const withHeading = (heading: string, body: string): Analysis =>
    fromBlocks(['heading', heading], ['paragraph', body]);

  it('tags only known names in a Title Case heading', () => {
    const doc = withHeading(
      'New Train Timetable Angers Commuters Across Bavaria',
      'The Federal Railway Authority changed the timetable.',
    );
    expect(entities(doc)).toEqual([
      ['place', 'Bavaria', 'bavaria'],
      ['org', 'Federal Railway Authority', 'federal railway authority'],
    ]);
  });

  it('treats an all-capitalised line as a headline even outside a heading block', () => {
    const doc = fromBlocks(
      ['paragraph', 'Rail Chaos Hits Commuters In Bavaria As Strike Drags On'],
      ['paragraph', 'Union members stopped work on Monday.'],
    );
    expect(entities(doc)).toEqual([['place', 'Bavaria', 'bavaria']]);
  });

  it('resolves a surname in a heading through the body', () => {
    const doc = withHeading(
      'Lenz Defends Rail Cuts In Berlin',
      'Maria Lenz, a spokeswoman for the authority, said the cuts were needed.',
    );
    expect(entities(doc).slice(0, 2)).toEqual([
      ['person', 'Lenz', 'maria lenz'],
      ['place', 'Berlin', 'berlin'],
    ]);
  });
});
