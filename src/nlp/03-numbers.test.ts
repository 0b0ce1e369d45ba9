import { describe, expect, it } from 'vitest';
import { extract } from '../ingest/index.js';
import type { Analysis, NumberMention } from '../types.js';
import { tokenise } from './01-sentences.js';
import { describeNumber, findNumbers, numbersConflict, QuantitySet, sameQuantity } from './03-numbers.js';

/** All number mentions of `text`, checking that every span slices back. Only step 01 runs first: it is all this step reads. */
function numbers(text: string, published: string | null = null): NumberMention[] {
  const ex = extract(text, { meta: { published } });
  const doc = { ...ex, ...tokenise(ex) } as unknown as Analysis;
  const found = findNumbers(doc);
  for (const n of found) expect(doc.text.slice(n.start, n.end)).toBe(n.text);
  return found;
}

/** The single mention of `text`. */
function only(text: string, published: string | null = null): NumberMention {
  const found = numbers(text, published);
  expect(found.map((n) => n.text)).toHaveLength(1);
  return found[0];
}

describe('findNumbers: counts and qualifiers', () => {
  it('reads a counted noun and an approximation', () => {
    expect(only('Nearly 12,000 soldiers were moved to the border region on Tuesday.')).toMatchObject({
      text: 'Nearly 12,000 soldiers',
      kind: 'cardinal',
      value: 12000,
      unit: 'soldier',
      qualifier: 'approx',
      sentence: 0,
    });
  });

  it.each([
    ['almost', 'approx'],
    ['about', 'approx'],
    ['around', 'approx'],
    ['roughly', 'approx'],
    ['some', 'approx'],
    ['nearly', 'approx'],
    ['more than', 'above'],
    ['over', 'above'],
    ['fewer than', 'below'],
    ['less than', 'below'],
    ['under', 'below'],
    ['at least', 'at-least'],
    ['up to', 'at-most'],
    ['as many as', 'at-most'],
  ])('"%s 300" → %s', (phrase, qualifier) => {
    const n = only(`The regional council said ${phrase} 300 residents had left the valley.`);
    expect(n).toMatchObject({ text: `${phrase} 300 residents`, value: 300, unit: 'resident', qualifier });
  });

  it('skips adjectives to find the counted noun', () => {
    expect(only('The brigade lost 1,200 young Ukrainian soldiers in the winter.')).toMatchObject({
      value: 1200,
      unit: 'soldier',
    });
  });

  it('reads spelled-out numbers and multipliers', () => {
    expect(only('Thirty thousand people marched through the capital.')).toMatchObject({
      text: 'Thirty thousand people',
      value: 30000,
    });
    expect(only('Officials counted 1.5 million votes by midnight.')).toMatchObject({ value: 1_500_000, unit: 'vote' });
    expect(only('A dozen journalists were detained outside the court.')).toMatchObject({
      value: 12,
      unit: 'journalist',
      qualifier: 'exact',
    });
    expect(only('Police said twenty-five protesters were arrested.')).toMatchObject({
      text: 'twenty-five protesters',
      value: 25,
    });
    expect(only('Investigators interviewed two hundred and fifty witnesses.')).toMatchObject({
      value: 250,
      unit: 'witness',
    });
    expect(only('The plant employs half a million workers.')).toMatchObject({ value: 500_000, unit: 'worker' });
  });

  it('keeps "hundreds of" as a low lower-bound approximation', () => {
    expect(only('Hundreds of families queued for water on Sunday.')).toMatchObject({
      text: 'Hundreds of families',
      value: 100,
      qualifier: 'approx',
      unit: 'family',
    });
    expect(only('The floods displaced tens of thousands of residents.')).toMatchObject({
      value: 10_000,
      qualifier: 'approx',
      unit: 'resident',
    });
  });

  it('needs a noun after "one" and "first"', () => {
    expect(numbers('One of the suspects was released on bail.')).toEqual([]);
    expect(numbers('At first the ministry denied the report.')).toEqual([]);
    expect(only('Only one soldier was injured.')).toMatchObject({ value: 1, unit: 'soldier' });
  });
});

describe('findNumbers: money, percent, measures, ordinals', () => {
  it.each([
    ['The government pledged $2bn for reconstruction.', '$2bn', 2e9, 'usd'],
    ['The club paid £3.4m for the striker.', '£3.4m', 3.4e6, 'gbp'],
    ['Each family will receive €50,000 in compensation.', '€50,000', 50_000, 'eur'],
    ['The deal is worth 2 billion dollars, the company said.', '2 billion dollars', 2e9, 'usd'],
    ['The bank lent US$5 billion to the utility.', 'US$5 billion', 5e9, 'usd'],
  ])('%s', (sentence, text, value, unit) => {
    expect(only(sentence)).toMatchObject({ text, kind: 'money', value, unit });
  });

  it.each([
    ['Inflation rose to 12% in March.', '12%'],
    ['Inflation rose to 12 per cent last month.', '12 per cent'],
    ['Inflation rose to 12 percent last month.', '12 percent'],
  ])('%s', (sentence, text) => {
    expect(numbers(sentence).find((n) => n.kind === 'percent')).toMatchObject({ text, value: 12, unit: '%' });
  });

  it('reads measures written apart, glued and hyphenated', () => {
    expect(only('The army asked for more 155 mm shells.')).toMatchObject({
      text: '155 mm',
      kind: 'measure',
      value: 155,
      unit: 'mm',
    });
    expect(only('The army asked for more 155mm shells.')).toMatchObject({ text: '155mm', kind: 'measure', unit: 'mm' });
    expect(only('The convoy stopped 40 kilometres from the city.')).toMatchObject({ value: 40, unit: 'km' });
    expect(only('The sprinter won the 100m final.')).toMatchObject({ text: '100m', kind: 'measure', unit: 'm' });
    expect(only('The app has 2.5m users.')).toMatchObject({
      text: '2.5m users',
      kind: 'cardinal',
      value: 2.5e6,
      unit: 'user',
    });
    expect(only('A 45-year-old man was arrested.')).toMatchObject({ text: '45-year-old', value: 45, unit: 'year' });
  });

  it('reads ordinals in digits and words', () => {
    expect(only('It was the 3rd attack on the depot this month.')).toMatchObject({
      kind: 'ordinal',
      value: 3,
      unit: 'attack',
    });
    expect(only('It was the third attack on the depot.')).toMatchObject({
      text: 'third attack',
      kind: 'ordinal',
      value: 3,
    });
  });
});

describe('findNumbers: ranges', () => {
  it('reads hyphen, "to" and "between … and" ranges', () => {
    expect(only('Between 200-300 troops crossed the river.')).toMatchObject({
      value: 200,
      valueMax: 300,
      unit: 'troop',
    });
    expect(only('Between 5 and 10 people were hurt.')).toMatchObject({
      text: 'Between 5 and 10 people',
      value: 5,
      valueMax: 10,
    });
    expect(only('The storm left 5 to 10 million homes without power.')).toMatchObject({
      value: 5e6,
      valueMax: 1e7,
      unit: 'home',
    });
  });

  it('treats "rose from 200 to 300" as two numbers', () => {
    expect(numbers('The toll rose from 200 to 300 overnight.').map((n) => n.value)).toEqual([200, 300]);
  });

  it('does not read a score as a range', () => {
    expect(numbers('The hosts secured a 1-0 win on Saturday.')).toEqual([]);
  });
});

describe('findNumbers: years and dates', () => {
  it('reads plain years', () => {
    expect(only('The bridge was completed in 2024.')).toMatchObject({
      text: '2024',
      kind: 'year',
      value: 2024,
      unit: null,
    });
    expect(only('The 2024 elections were postponed.')).toMatchObject({ kind: 'year', value: 2024 });
    expect(only('Some 2,000 people attended.')).toMatchObject({ kind: 'cardinal', value: 2000, qualifier: 'approx' });
    expect(only('Police said 2000 people attended.')).toMatchObject({ kind: 'cardinal', value: 2000 });
    expect(only('The base opened in 2002 - namely in spring.')).toMatchObject({ text: '2002', kind: 'year' });
    expect(only('The volcano last erupted in 1576.')).toMatchObject({ kind: 'year', value: 1576 });
    expect(only('Officers seized 1576 bottles.')).toMatchObject({ kind: 'cardinal', value: 1576, unit: 'bottle' });
  });

  it.each([
    ['The line should open in late 2028.', 'late 2028', 2028, 'late'],
    ['Trials are due to start in mid-2027.', 'mid-2027', 2027, 'mid'],
    ['The fleet will be replaced by the end of 2026.', 'by the end of 2026', 2026, 'by-end'],
    ['The talks began on March 3, 2025.', 'March 3, 2025', 2025, 'march-3'],
    ['The trials run from 24 to 26 June 2026.', '24 to 26 June 2026', 2026, 'june-24..26'],
    ['The court sat on December 24-25, 1999.', 'December 24-25, 1999', 1999, 'december-24..25'],
    ['The law took effect Sept. 12, 2024.', 'Sept. 12, 2024', 2024, 'september-12'],
    ['Sales fell in the second half of 2026.', 'the second half of 2026', 2026, 'h2'],
    ['The talks ended in late March 2024.', 'late March 2024', 2024, 'late march'],
  ])('%s', (sentence, text, value, datePart) => {
    expect(only(sentence)).toMatchObject({ text, kind: 'date', value, datePart, unit: null });
  });

  it('resolves relative years against the publication date, else marks them relative', () => {
    expect(only('The plant will close early next year.', '2025-06-01')).toMatchObject({
      text: 'early next year',
      value: 2026,
      datePart: 'early',
      unit: null,
    });
    expect(only('The plant will close early next year.')).toMatchObject({
      value: 0,
      unit: 'relative-year',
      datePart: 'early next-year',
    });
    expect(only('The flat was raided in February last year.', '2025-06-01')).toMatchObject({
      text: 'February last year',
      value: 2024,
      datePart: 'february',
    });
    expect(only('The flat was raided in February last year.')).toMatchObject({
      value: 0,
      unit: 'relative-year',
      datePart: 'february last-year',
    });
    expect(only('Talks resume on 3 March.', '2025-01-10T09:00:00Z')).toMatchObject({
      text: '3 March',
      kind: 'date',
      value: 2025,
      datePart: 'march-3',
    });
  });

  it('needs context before a bare month name', () => {
    expect(only('The vote is expected in May.')).toMatchObject({ kind: 'date', datePart: 'may this-year' });
    expect(numbers('May the best team win.')).toEqual([]);
    expect(numbers('Jan Novak, the coach, resigned.')).toEqual([]);
  });
  it('reads a lower-case month as a date before a year or a day (tokenised summaries), not a lone "may"', () => {
    expect(numbers('she worked there between february 2004 and september 2013 .').map((n) => [n.text, n.kind])).toEqual(
      [
        ['february 2004', 'date'],
        ['september 2013', 'date'],
      ],
    );
    expect(only('the pair married march 21 at the clinic .')).toMatchObject({ text: 'march 21', kind: 'date' });
    expect(numbers('they may 3 times have asked .').map((n) => n.kind)).not.toContain('date');
  });
});

describe('findNumbers: numbers that are not quantities', () => {
  it.each([
    'The minister will speak at 5 p.m. on the steps of the court.',
    'The session starts at 10:30 a.m. local time.',
    'Readers can call +44 20 7946 0958 with information.',
    'Readers can call 555-123-4567 with information.',
    'The airline grounded its Boeing 737 jets.',
    'Two F-16 jets escorted the plane.',
    'Hospitals reported new COVID-19 cases.',
    'Protesters gathered outside No. 10 on Monday.',
    'The picture was first posted on 4chan last week.',
  ])('%s', (sentence) => {
    expect(numbers(sentence).filter((n) => /\d/.test(n.text))).toEqual([]);
  });
});

describe('findNumbers: a paragraph', () => {
  it('finds every number with exact offsets', () => {
    const text =
      'Officials said more than 300 homes were damaged.\n\nThe ministry set aside $2bn, about 12% of its budget, and expects repairs to finish by the end of 2026.';
    expect(numbers(text).map((n) => [n.text, n.sentence])).toEqual([
      ['more than 300 homes', 0],
      ['$2bn', 1],
      ['about 12%', 1],
      ['by the end of 2026', 1],
    ]);
  });
});

/** The first mention in a sentence, for the comparisons. */
const first = (text: string) => numbers(text)[0];

describe('sameQuantity', () => {
  it.each([
    ['Nearly 300 were injured.', 'Almost 300 were injured.'],
    ['The city has 1.5 million residents.', 'The city has 1,500,000 residents.'],
    ['The fund holds $2bn.', 'The fund holds 2 billion dollars.'],
    ['The army sent 12,000 soldiers.', 'The army sent 12,000 troops.'],
    ['More than 300 were injured.', 'Over 300 were injured.'],
    ['The convoy drove 5 km.', 'The convoy drove 3.1 miles.'],
  ])('%s ≈ %s', (a, b) => {
    expect(sameQuantity(first(a), first(b))).toBe(true);
  });

  it('compares a resolved relative year with a plain year, not an unresolved one', () => {
    const plain = first('The plant closes in 2026.');
    expect(sameQuantity(plain, numbers('The plant closes next year.', '2025-03-01')[0])).toBe(true);
    expect(sameQuantity(plain, first('The plant closes next year.'))).toBe(false);
  });

  it.each([
    ['The fund holds $2bn.', 'The fund holds £2bn.'],
    ['Nearly 300 were injured.', 'More than 300 were injured.'],
    ['The army sent 12,000 soldiers.', 'The army sent 1,200 soldiers.'],
    ['The line opens in late 2028.', 'The line opens in early 2028.'],
  ])('%s ≠ %s', (a, b) => {
    expect(sameQuantity(first(a), first(b))).toBe(false);
  });
});

describe('numbersConflict', () => {
  it.each([
    ['The army sent 12,000 soldiers.', 'The army sent 1,200 troops.'],
    ['Nearly 300 were injured.', 'More than 300 were injured.'],
    ['The fund holds $2bn.', 'The fund holds €2bn.'],
    ['The line opens in early 2027.', 'The line opens in late 2027.'],
    ['The line opens in 2027.', 'The line opens in 2029.'],
    ['The shells are 155 mm wide.', 'The shells are 155 cm wide.'],
    ['Support rose 2 percentage points.', 'Support rose 2%.'],
    ['Between 200 and 300 homes burned.', 'Some 500 homes burned.'],
  ])('%s → %s conflicts', (a, b) => {
    expect(numbersConflict(first(a), first(b))).toBe(true);
  });

  it.each([
    ['The army sent 12,000 soldiers.', 'The army sent 12,000 troops.'],
    ['About 300 were injured.', 'Some 310 were injured.'],
    ['Hundreds of families fled.', 'About 300 families fled.'],
    ['Inflation hit 12%.', 'The convoy drove 12 km.'],
    ['The line opens in late 2028.', 'The line opens by the end of 2028.'],
    ['The fund holds $2bn.', 'The fund holds 2 billion.'],
    ['Between 200 and 300 homes burned.', 'About 250 homes burned.'],
    ['The convoy drove 5 km.', 'The convoy drove 3.1 miles.'],
    ['Nearly 300 were injured.', '300 were injured.'],
  ])('%s → %s does not conflict', (a, b) => {
    expect(numbersConflict(first(a), first(b))).toBe(false);
  });
});

describe('describeNumber', () => {
  it('shows the text and the normalised value', () => {
    expect(describeNumber(first('Nearly 300 were injured.'))).toBe('Nearly 300 (≈300)');
    expect(describeNumber(first('The fund holds $2bn.'))).toBe('$2bn (2,000,000,000 USD)');
    expect(describeNumber(first('More than 40% voted.'))).toBe('More than 40% (>40%)');
    expect(describeNumber(first('It opens in late 2028.'))).toBe('late 2028 (late 2028)');
  });
});

describe('findNumbers in the pipeline', () => {
  it('fills doc.numbers through analyze()', async () => {
    const { analyze } = await import('./index.js'); // dynamic: a broken later step fails this test only
    const doc = analyze(extract('Officials said nearly 300 homes were damaged in late 2028.\n\nThe fund holds $2bn.'));
    expect(doc.numbers.map((n) => [n.text, n.kind, n.value])).toEqual([
      ['nearly 300 homes', 'cardinal', 300],
      ['late 2028', 'date', 2028],
      ['$2bn', 'money', 2e9],
    ]);
  });
});

describe('QuantitySet', () => {
  // Figures of many kinds and units, written several ways: the set must answer as a scan with sameQuantity does.
  const text = [
    'Nearly 300 people and 12,000 soldiers came; 12000 troops stayed. About 300 left, more than 300 cheered.',
    'The 5 km race (3.1 miles) cost $2bn, or 2 billion dollars; €2bn in Europe. Prices rose 3.5% and 3.5 percentage points.',
    'In late 2027 and early 2027, 17 people and dozens of others, 1,200 passengers and 0.5 litres; 500 ml; -4 degrees.',
    'On March 3, 2026, 1.5 million voters and 1,500,000 ballots; 41 killed, 14 hurt, 33 years and 33 days.',
  ].join('\n\n');
  const all = numbers(text);

  it('has(n) agrees with a scan by sameQuantity, for every pair of halves', () => {
    expect(all.length).toBeGreaterThan(25);
    for (let cut = 0; cut <= all.length; cut += 3) {
      const members = all.slice(0, cut);
      const set = new QuantitySet(members);
      for (const n of all)
        expect(set.has(n), `${n.text} in first ${cut}`).toBe(members.some((m) => sameQuantity(n, m)));
    }
  });

  it('finds a measure in another unit and nothing in an empty set', () => {
    const [km, miles] = numbers('The 5 km race, 3.1 miles, was run.');
    expect(new QuantitySet([km]).has(miles)).toBe(sameQuantity(km, miles));
    expect(new QuantitySet().has(km)).toBe(false);
  });
});
