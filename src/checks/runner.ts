import { InputError } from '../errors.js';
import {
  type Analysis,
  type Finding,
  type FindingSide,
  isDerivedVerdict,
  SEVERITIES,
  type Severity,
  type SeveritySetting,
} from '../types.js';
import { ruleById, ruleDocUrl, rules } from './registry.js';
import { isSummary } from './evidence/support.js';
import type { Check, CheckContext, FindingDraft, FindingReading, SpanRef } from './types.js';

const SETTINGS = new Set<string>(['off', ...SEVERITIES]);

/**
 * Runs every enabled rule and returns sorted, deduplicated findings.
 * `settings` overrides default severities per rule id; `off` disables a rule. The verdict frames what is found
 * (FRAMING), it never decides by itself whether a real change is shown.
 */
export function runChecks(ctx: CheckContext, settings: Record<string, SeveritySetting> = {}): Finding[] {
  const findings: Finding[] = [];
  const frame = framingOf(ctx);
  for (const check of rules) {
    const setting = settings[check.meta.id] ?? check.meta.severity;
    if (setting === 'off') continue;
    const steps = FRAMING[frame][check.meta.reads];
    if (steps === null) continue;
    for (const draft of check.run(ctx)) {
      const f = toFinding(check, draft, ctx, setting);
      f.severity = lowerBy(f.severity, steps);
      if (frame === 'same-story' && check.meta.reads !== 'page') {
        f.message = asTwoReports(f.message);
        f.framing = 'same-story';
      }
      findings.push(f);
    }
  }
  return sortFindings(dedupeFindings(findings));
}

export type Framing = 'copy' | 'partial' | 'same-story' | 'unrelated';

/**
 * How the verdict frames each kind of finding (`meta.reads`): severity steps down, or `null` = not run.
 * A copy (verbatim-copy, rewrite — or a summary the aligner ties to its source throughout) is read at each rule's
 * severity; a partial reuse is the source's material plus the writer's own, so its additions are one step lower.
 * `same-story`: copying was not shown, so an alteration is two reports that disagree (one step down) and an omission
 * or addition is what independent reporting does anyway (two steps down); no credit is owed. `unrelated`: nothing was linked worth comparing; only page clutter is reported. docs/verdicts.md.
 */
export const FRAMING: Record<Framing, Record<FindingReading, number | null>> = {
  copy: { alteration: 0, omission: 0, addition: 0, credit: 0, page: 0 },
  partial: { alteration: 0, omission: 0, addition: 1, credit: 0, page: 0 },
  'same-story': { alteration: 1, omission: 2, addition: 2, credit: null, page: 0 },
  unrelated: { alteration: null, omission: null, addition: null, credit: null, page: 0 },
};

export function framingOf(ctx: Pick<CheckContext, 'relation' | 'source' | 'derived' | 'alignment'>): Framing {
  if (ctx.relation.verdict === 'partial-reuse' && !isSummary(ctx)) return 'partial';
  if (isDerivedVerdict(ctx.relation.verdict) || isSummary(ctx)) return 'copy';
  return ctx.relation.verdict === 'same-story' ? 'same-story' : 'unrelated';
}

/** Whether the runner runs a rule on this context at all (the tester uses it too). */
export function applies(check: Check, ctx: CheckContext): boolean {
  return FRAMING[framingOf(ctx)][check.meta.reads] !== null;
}

/** A message worded for two reports of one story: neither text is "the rewrite" of the other. */
export function asTwoReports(message: string): string {
  return message
    .replace(/\b([Tt])he rewrite\b/g, (_, t: string) => `${t}he second report`)
    .replace(/\b([Tt])he source\b/g, (_, t: string) => `${t}he first report`)
    .replace(/\b([Tt])his source sentence\b/g, (_, t: string) => `${t}his sentence of the first report`);
}

/** Turns a rule's draft into a Finding: message filled, spans carry their text. */
export function toFinding(
  check: Check,
  draft: FindingDraft,
  ctx: Pick<CheckContext, 'source' | 'derived'>,
  severity?: Severity,
): Finding {
  const template = check.meta.messages[draft.messageId];
  if (template === undefined) throw new Error(`${check.meta.id}: unknown message id "${draft.messageId}"`);
  const finding: Finding = {
    ruleId: check.meta.id,
    messageId: draft.messageId,
    severity: lowerBy(severity ?? check.meta.severity, draft.weaker === true ? 1 : draft.weaker || 0),
    message: fillTemplate(template, draft.data ?? {}),
    url: ruleDocUrl(check.meta.id),
    source: toSide(ctx.source, draft.source),
    derived: toSide(ctx.derived, draft.derived),
  };
  if (draft.actual !== undefined) finding.actual = draft.actual;
  if (draft.expected !== undefined) finding.expected = draft.expected;
  return finding;
}

const LOWER: Record<Severity, Severity> = { high: 'medium', medium: 'low', low: 'info', info: 'info' };
/** One step down: a weaker form of a finding stays visible, below the rule's usual severity. */
function lower(s: Severity): Severity {
  return LOWER[s];
}

function lowerBy(s: Severity, steps: number): Severity {
  let out = s;
  for (let i = 0; i < steps; i++) out = lower(out);
  return out;
}

/** `{name}` placeholders; a missing value stays visible as `{name}` rather than silently vanishing. */
export function fillTemplate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

function toSide(doc: Analysis, ref: SpanRef | null): FindingSide | null {
  if (!ref) return null;
  const { start, end } = ref.span;
  return { sentence: ref.sentence, start, end, text: doc.text.slice(start, end) };
}

/** Drops repeated findings (same rule, message and spans), keeping the first. */
export function dedupeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = [
      f.ruleId,
      f.messageId,
      f.message,
      f.source?.start,
      f.source?.end,
      f.derived?.start,
      f.derived?.end,
    ].join('|');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Severity first, then reading order of the derived text, then of the source; findings without a side go last. */
export function sortFindings(findings: Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  const at = (side: FindingSide | null) => side?.start ?? Number.MAX_SAFE_INTEGER;
  return (
    SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) ||
    at(a.derived) - at(b.derived) ||
    at(a.source) - at(b.source) ||
    a.ruleId.localeCompare(b.ruleId)
  );
}

/**
 * Validates an ESLint-style config `{ "rules": { "hedge-added": "off", "number-dropped": "medium" } }`.
 * Throws InputError naming the first unknown rule id or severity.
 */
export function loadRuleConfig(json: unknown): Record<string, SeveritySetting> {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw new InputError('rule config: expected an object like {"rules": {"hedge-added": "off"}}');
  const extra = Object.keys(json).filter((k) => k !== 'rules');
  if (extra.length) throw new InputError(`rule config: unknown key "${extra[0]}" (only "rules" is allowed)`);
  const ruleSettings = (json as { rules?: unknown }).rules ?? {};
  if (typeof ruleSettings !== 'object' || ruleSettings === null || Array.isArray(ruleSettings))
    throw new InputError('rule config: "rules" must be an object');
  const out: Record<string, SeveritySetting> = {};
  for (const [id, value] of Object.entries(ruleSettings)) {
    if (!ruleById.has(id))
      throw new InputError(`rule config: unknown rule "${id}" (known: ${[...ruleById.keys()].join(', ')})`);
    if (typeof value !== 'string' || !SETTINGS.has(value))
      throw new InputError(
        `rule config: "${id}": unknown severity ${JSON.stringify(value)} (use off, high, medium, low or info)`,
      );
    out[id] = value as SeveritySetting;
  }
  return out;
}
