import type { Check } from './types.js';
import { attributionChanged } from './rules/attribution-changed.js';
import { attributionRemoved } from './rules/attribution-removed.js';
import { boilerplate } from './rules/boilerplate.js';
import { claimDropped } from './rules/claim-dropped.js';
import { entityChanged } from './rules/entity-changed.js';
import { entityDropped } from './rules/entity-dropped.js';
import { hedgeAdded } from './rules/hedge-added.js';
import { hedgeRemoved } from './rules/hedge-removed.js';
import { negationFlip } from './rules/negation-flip.js';
import { numberChanged } from './rules/number-changed.js';
import { numberDropped } from './rules/number-dropped.js';
import { quoteAltered } from './rules/quote-altered.js';
import { quoteFabricated } from './rules/quote-fabricated.js';
import { quoteRemoved } from './rules/quote-removed.js';
import { reportingVerbShift } from './rules/reporting-verb-shift.js';
import { sourceUncredited } from './rules/source-uncredited.js';
import { speakerDescriptionChanged } from './rules/speaker-description-changed.js';
import { unsupportedContent } from './rules/unsupported-content.js';

/** Every rule, by default severity (high → info). The file name of each rule is its id. */
export const rules: readonly Check[] = [
  numberChanged,
  entityChanged,
  quoteAltered,
  quoteFabricated,
  attributionChanged,
  negationFlip,
  attributionRemoved,
  reportingVerbShift,
  hedgeAdded,
  hedgeRemoved,
  speakerDescriptionChanged,
  quoteRemoved,
  unsupportedContent,
  sourceUncredited,
  numberDropped,
  entityDropped,
  claimDropped,
  boilerplate,
];

export const ruleById: ReadonlyMap<string, Check> = new Map(rules.map((r) => [r.meta.id, r]));

/** A rule's doc page, relative to the package root (shipped in the package): a finding's `url`. */
export function ruleDocUrl(id: string): string {
  return `docs/checks/${id}.md`;
}
