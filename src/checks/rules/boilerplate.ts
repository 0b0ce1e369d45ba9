import type { Check, FindingDraft } from '../types.js';

/** Boilerplate (comment forms, share bars, newsletter prompts) ingest found in the rewrite; boilerplate is no sentence, so sentence is -1. */
export const boilerplate: Check = {
  meta: {
    id: 'boilerplate',
    severity: 'info',
    reads: 'page',
    description:
      'Page furniture in the rewrite (comment forms, share bars, newsletter prompts), one finding per span ingest recognised.',
    messages: { boilerplate: 'Boilerplate in the rewrite ({reason}).' },
  },
  run(ctx) {
    const out: FindingDraft[] = ctx.derived.boilerplate.map((b) => ({
      messageId: 'boilerplate',
      data: { reason: b.reason },
      source: null,
      derived: { sentence: -1, span: { start: b.start, end: b.end } },
      actual: b.text,
    }));
    return out;
  },
};
