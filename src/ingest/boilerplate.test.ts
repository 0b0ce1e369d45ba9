import { describe, expect, it } from 'vitest';
import { lexicon } from '../lexicons.js';
import { lexiconReason, markBoilerplate } from './boilerplate.js';
import type { Unit } from './units.js';

const p = (text: string, extra: Partial<Unit> = {}): Unit => ({ text, kind: 'paragraph', ...extra });
const reasons = (units: Unit[]) => markBoilerplate(units).units.map((u) => u.boilerplate ?? null);

describe('boilerplate lexicon', () => {
  it('is a cited data file with well-formed entries', () => {
    const lex = lexicon<{ pattern: string; kind: string; match: string; cite?: string }>('boilerplate');
    expect(lex.source).toMatch(/WordPress/);
    for (const e of lex.entries) {
      expect(['line', 'prefix', 'contains']).toContain(e.match);
      expect(e.pattern.trim()).toBe(e.pattern === '(c) ' ? '(c)' : e.pattern);
      expect(e.cite).toBeTruthy();
    }
  });

  it.each([
    ['Leave a Comment', 'comment-form: "Leave a Comment"'],
    [
      'Your email address will not be published. Required fields are marked *',
      'comment-form: "Your email address will not be published"',
    ],
    ['Scroll to Top', 'navigation: "Scroll to Top"'],
    ['Share this:', 'share-bar: "Share this"'],
    ['Share on Facebook', 'share-bar: "Share on"'],
    ['Read more: Why signalling contracts keep overrunning', 'related: "Read more"'],
    ['Related posts', 'related: "Related posts"'],
    ['Sign up for our newsletter to get the morning briefing.', 'newsletter: "Sign up for our newsletter"'],
    [
      'We use cookies to give you the best experience on our website. By continuing you agree to our use of cookies.',
      'cookie-notice: "We use cookies"',
    ],
    ['Click here to read the full judgment.', 'call-to-action: "Click here to"'],
    ['© 2026 Harbour Courier. All rights reserved.', 'copyright: "©"'],
    ['• Name *', 'comment-form: "Name"'],
    ['Photograph: Jane Doe/Harbour Courier', 'credit: "Photograph:"'],
    ['Published: 14 March 2026', 'post-meta: "Published:"'],
  ])('%j → %s', (text, reason) => {
    expect(lexiconReason(text)).toBe(reason);
  });

  it.each([
    'Read more than 300 pages of evidence, the judge told the jury before retiring.',
    'Comments by the minister drew criticism from all sides of the chamber.',
    'Shareholders voted to share the proceeds of the sale equally.',
    'The copyright dispute between the two publishers went to the High Court on Monday, where lawyers argued for three days.',
    'Name the date, the union told the employers.',
    'Published figures show the deficit widened to £4bn in the year to March.',
    'Published figures show deficit widening',
    'Tags and labels on imported food to change',
  ])('leaves news sentences alone: %j', (text) => {
    expect(lexiconReason(text)).toBeNull();
  });
});

describe('markBoilerplate', () => {
  it('extends a share bar to its short buttons', () => {
    expect(
      reasons([
        p('The minister resigned on Friday.'),
        p('Share this:'),
        p('Bluesky'),
        p('Threads'),
        p('She gave no reason for the decision.'),
      ]),
    ).toEqual([null, 'share-bar: "Share this"', 'share-bar (run)', 'share-bar (run)', null]);
  });

  it('does not swallow a subheading after a mid-article "Read more" link', () => {
    const units = [
      p('The minister resigned on Friday.'),
      p('Read more: Cabinet row deepens'),
      p('What happens next', { kind: 'heading' }),
      p('Ministers meet on Monday.'),
    ];
    expect(reasons(units)).toEqual([null, 'related: "Read more"', null, null]);
  });

  it('marks a trailing block of label-like lines once it holds recognised boilerplate', () => {
    const units = [
      p('The minister resigned on Friday.'),
      p('Related posts'),
      p('Bus operator cuts evening services'),
      p('Port expansion wins approval'),
      p('Leave a Reply'),
    ];
    // The teasers are too long for a share-bar run; the trailing rule takes them.
    expect(reasons(units)).toEqual([
      null,
      'related: "Related posts"',
      'trailing-boilerplate',
      'trailing-boilerplate',
      'comment-form: "Leave a Reply"',
    ]);
    const tail = [
      p('The minister resigned on Friday.'),
      p('Cabinet reshuffle expected'),
      p('Mayor backs bypass plan'),
      p('Tags: politics, resignation'),
    ];
    expect(reasons(tail)).toEqual([null, 'trailing-boilerplate', 'trailing-boilerplate', 'post-meta: "Tags:"']);
  });

  it('leaves a trailing short line alone when nothing recognised follows it', () => {
    expect(
      reasons([
        p('The minister resigned on Friday.'),
        p('What happens next', { kind: 'heading' }),
        p('Ministers meet on Monday'),
      ]),
    ).toEqual([null, null, null]);
  });

  it('flags link-dense short paragraphs and a byline near the top', () => {
    const out = markBoilerplate([
      p('By Maria Lenz and Tom Hale'),
      p('Politics World Business Sport', { linkDensity: 1 }),
      p('By the time the ministry replied, the deadline had passed.'),
    ]);
    expect(out.units.map((u) => u.boilerplate ?? null)).toEqual(['byline', 'link-dense', null]);
    expect(out.byline).toBe('Maria Lenz and Tom Hale');
  });
});
