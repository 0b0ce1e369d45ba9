import { type Finding, type OrderCheck, type Relation, SEVERITIES, type Severity } from '../types.js';
import { sortFindings } from './runner.js';

/**
 * Rules whose finding accuses the derived text of inventing something. Read the wrong way round (the original given
 * as the rewrite) they blame the original for its own quotes and claims, so they wait for the order to be confirmed.
 */
export const ONE_WAY_RULES: ReadonlySet<string> = new Set(['quote-fabricated', 'unsupported-content']);

/**
 * How sure the direction must be before the inputs are called swapped: the bundled wire story given as the
 * rewrite of its own farm copy reads 0.91; a weak content lean reads 0.5 and never trips it.
 */
export const REVERSED_CONFIDENCE = 0.8;

/** The severity a held finding is shown at until the order is confirmed. */
const HELD_AT: Severity = 'medium';

/**
 * The direction guard: when dates or a clear content lean say the inputs are reversed, one-way findings above
 * medium are shown at medium (`heldFrom` keeps their own severity) until the caller confirms the order.
 * Returns the findings (new objects where held) and the `order` field of the compare result.
 */
export function guardOrder(
  relation: Relation,
  findings: Finding[],
  orientation: 'check' | 'confirmed' = 'check',
): { findings: Finding[]; order: OrderCheck } {
  const by = relation.basis?.directionBy;
  const reversed =
    relation.direction === 'reversed' &&
    relation.directionConfidence >= REVERSED_CONFIDENCE &&
    (by === undefined || by === 'dates' || by === 'lean');
  const order: OrderCheck = {
    likelyReversed: reversed,
    confidence: relation.directionConfidence,
    confirmed: orientation === 'confirmed',
    held: 0,
  };
  if (!reversed || orientation === 'confirmed') return { findings, order };
  const rank = (s: Severity) => SEVERITIES.indexOf(s);
  const out = findings.map((f) => {
    if (!ONE_WAY_RULES.has(f.ruleId) || rank(f.severity) >= rank(HELD_AT)) return f;
    order.held++;
    return { ...f, severity: HELD_AT, heldFrom: f.severity };
  });
  return { findings: order.held ? sortFindings(out) : out, order };
}
