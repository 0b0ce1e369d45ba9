import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { markdownUnits, stripInline } from './markdown.js';

describe('markdownUnits', () => {
  it('turns the fixture into headings and paragraphs without markup', () => {
    const units = markdownUnits(
      readFileSync(new URL('../../test/fixtures/ingest/article.md', import.meta.url), 'utf8'),
    );
    expect(units.filter((u) => u.kind === 'heading').map((u) => u.text)).toEqual([
      'Harbour authority fines ferry operator £250,000',
      'What happened',
      'Analysis',
    ]);
    const body = units.filter((u) => u.kind === 'paragraph').map((u) => u.text);
    expect(body).toContain('By Sam Okoro');
    expect(body).toContain('Two passengers were treated for minor injuries.');
    expect(body).toContain('"We accept the findings in full," a spokesman for Northern Link said.');
    expect(body.join(' ')).toContain(
      'ferry operator Northern Link £250,000 after a vessel struck the pier at Kellington in January, according to a statement published',
    );
    expect(body.join(' ')).not.toMatch(/[*#>[\]]|https?:/);
  });
});

describe('stripInline', () => {
  it.each([
    ['The **fine** was *large*.', 'The fine was large.'],
    ['See the [report](https://example.org/r) and ![chart](c.png) `now`.', 'See the report and now.'],
    ['A snake_case_name and 2 * 3 * 4 stay.', 'A snake_case_name and 2 * 3 * 4 stay.'],
  ])('%j → %j', (input, output) => {
    expect(stripInline(input)).toBe(output);
  });
});
