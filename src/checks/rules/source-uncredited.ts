import { creditsOf } from '../evidence/credits.js';
import { locateWords, sentenceAt, words } from '../evidence/pairs.js';
import type { Check } from '../types.js';

/**
 * The source's outlet, author or address is known but the rewrite names none of them
 * ("via …", "according to …", "first reported by …" all contain the name, so a name search suffices).
 * A credit finding (reads: 'credit'): the runner runs it only on copies — an article merely covering the same story owes no credit.
 */
export const sourceUncredited: Check = {
  meta: {
    id: 'source-uncredited',
    severity: 'medium',
    reads: 'credit',
    description: "The source's outlet, author or URL is known, but the rewrite neither names nor links it.",
    messages: { uncredited: 'The rewrite does not credit the source ({expected}).' },
  },
  run(ctx) {
    const credits = creditsOf(ctx.source);
    if (!credits.length) return [];
    const haystack = ' ' + words(ctx.derived.text).join(' ') + ' ';
    const rawText = ctx.derived.text.toLowerCase();
    const credited = credits.some((c) =>
      c.includes('.') ? rawText.includes(c) : haystack.includes(' ' + words(c).join(' ') + ' '),
    );
    if (credited) return [];
    const expected = credits.join(', ');
    // Point at the source's own outlet mention (a dateline "(Reuters)") when it has one.
    const site = ctx.source.outlet ? locateWords(ctx.source.text, words(ctx.source.outlet)) : null;
    const siteSentence = site && sentenceAt(ctx.source, site.start);
    return [
      {
        messageId: 'uncredited',
        data: { expected },
        source: site && siteSentence ? { sentence: siteSentence.id, span: site } : null,
        derived: null,
        expected,
        actual: 'no credit',
      },
    ];
  },
};
