/**
 * Scoring findings against spin-suite gold.
 *
 * A finding HITS a gold edit when its rule is the edit's expected rule (or one of its `also` rules) and its span
 * overlaps the gold span on the derived side or on the source side.
 *
 * Background: a paraphrase differs from its source in many ways besides the edit, and some of those differences are
 * real findings. So each base has an unedited control; a finding of an edited case that the control also has (same
 * rule, same derived text, same source text) is background and not scored there. What is scored:
 *  - control of a copy (derived = source): every finding is false (nothing differs);
 *  - control of a paraphrase: every HIGH finding is false (the rewrites were told to keep the facts);
 *    MEDIUM/LOW findings there are counted per case but not scored (a paraphrase may drop a figure);
 *  - edited case: every non-background finding is true if it hits the gold edit, else false.
 * precision(rule) = true / (true + false) over all cases; recall(rule) = gold edits of that rule hit by a finding of
 * exactly that rule / gold edits of that rule.
 */
import type { Gold, SpinCase } from './suite.js';

export interface Found {
  ruleId: string;
  severity: string;
  source: { start: number; end: number; text: string } | null;
  derived: { start: number; end: number; text: string } | null;
}

export interface RuleScore {
  rule: string;
  severity: string;
  tp: number;
  fp: number;
  gold: number;
  hit: number;
  /** MEDIUM/LOW findings on paraphrase controls (not scored). */
  controlOther: number;
}

export interface CaseResult {
  c: SpinCase;
  found: Found[];
}

const overlaps = (a: { start: number; end: number } | null, b: [number, number] | null): boolean =>
  !!a && !!b && a.start < b[1] && b[0] < a.end;

export function hits(f: Found, g: Gold, strictRule = false): boolean {
  const ruleOk = f.ruleId === g.rule || (!strictRule && g.also.includes(f.ruleId));
  return ruleOk && (overlaps(f.derived, g.derived) || overlaps(f.source, g.source));
}

const key = (f: Found): string => `${f.ruleId}|${f.derived?.text ?? ''}|${f.source?.text ?? ''}`;

/** Per-rule scores over the results of all cases (controls included); `severityOf` names a rule's default severity. */
export function scoreRules(results: CaseResult[], severityOf: (rule: string) => string): Map<string, RuleScore> {
  const scores = new Map<string, RuleScore>();
  const get = (rule: string): RuleScore => {
    let s = scores.get(rule);
    if (!s)
      scores.set(rule, (s = { rule, severity: severityOf(rule), tp: 0, fp: 0, gold: 0, hit: 0, controlOther: 0 }));
    return s;
  };
  const controls = new Map<string, Set<string>>();
  for (const r of results) if (!r.c.gold) controls.set(r.c.base.id, new Set(r.found.map(key)));

  for (const { c, found } of results) {
    if (!c.gold) {
      for (const f of found) {
        if (c.base.mode === 'copy' || severityOf(f.ruleId) === 'high') get(f.ruleId).fp++;
        else get(f.ruleId).controlOther++;
      }
      continue;
    }
    const g = c.gold;
    const background = controls.get(c.base.id) ?? new Set<string>();
    for (const f of found) {
      if (background.has(key(f))) continue;
      if (hits(f, g)) get(f.ruleId).tp++;
      else get(f.ruleId).fp++;
    }
    const s = get(g.rule);
    s.gold++;
    if (found.some((f) => hits(f, g, true))) s.hit++;
  }
  return scores;
}

/** Recall per edit kind: share of cases of that kind whose gold edit a finding of the expected rule hits. */
export function recallByKind(results: CaseResult[]): Map<string, { n: number; hit: number }> {
  const out = new Map<string, { n: number; hit: number }>();
  for (const { c, found } of results) {
    if (!c.gold) continue;
    const s = out.get(c.gold.kind) ?? { n: 0, hit: 0 };
    s.n++;
    if (found.some((f) => hits(f, c.gold!, true))) s.hit++;
    out.set(c.gold.kind, s);
  }
  return out;
}
