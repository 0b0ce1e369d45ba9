import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../lexicons.js';
import { rules } from './registry.js';

const rulesDir = join(packageRoot, 'src/checks/rules');
const docsDir = join(packageRoot, 'docs/checks');
const SECTIONS = [
  'What it flags',
  'What it does not flag',
  'Known false positives',
  'Precision by reading',
  'Example',
  'Options',
];

/** The fixed rule set and default severities (changing one is a breaking change for users' configs). */
const DEFAULTS: Record<string, string> = {
  'number-changed': 'high',
  'entity-changed': 'high',
  'quote-altered': 'high',
  'quote-fabricated': 'high',
  'attribution-changed': 'high',
  'negation-flip': 'high',
  'attribution-removed': 'medium',
  'reporting-verb-shift': 'medium',
  'hedge-added': 'medium',
  'hedge-removed': 'medium',
  'speaker-description-changed': 'medium',
  'quote-removed': 'medium',
  'unsupported-content': 'medium',
  'source-uncredited': 'medium',
  'number-dropped': 'low',
  'entity-dropped': 'low',
  'claim-dropped': 'low',
  boilerplate: 'info',
};

describe('registry', () => {
  const ids = rules.map((r) => r.meta.id);

  it('lists the fixed rule set with its default severities, once each', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect(Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.severity]))).toEqual(DEFAULTS);
  });

  it('registers every rule module, and every registered rule has its module, test and doc page', () => {
    const modules = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -3));
    expect(modules.sort()).toEqual([...ids].sort());
    for (const id of ids) {
      expect(existsSync(join(rulesDir, `${id}.test.ts`)), `${id}.test.ts`).toBe(true);
      expect(existsSync(join(docsDir, `${id}.md`)), `docs/checks/${id}.md`).toBe(true);
    }
  });

  it('has no test file or doc page without a rule', () => {
    const tests = readdirSync(rulesDir)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => f.slice(0, -'.test.ts'.length));
    const docs = readdirSync(docsDir)
      .filter((f) => f.endsWith('.md') && f !== 'README.md')
      .map((f) => f.slice(0, -3));
    expect(tests.filter((t) => !ids.includes(t))).toEqual([]);
    expect(docs.filter((d) => !ids.includes(d))).toEqual([]);
  });

  it('gives every doc page the fixed sections, in order, under the rule id as title', () => {
    for (const id of ids) {
      const page = readFileSync(join(docsDir, `${id}.md`), 'utf8');
      expect(page.startsWith(`# ${id}\n`), `${id}.md title`).toBe(true);
      const headings = [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
      expect(headings, `${id}.md sections`).toEqual(SECTIONS);
    }
  });

  it('lists every rule in the docs/checks table, in registry order, with its severity, reading and description', () => {
    const index = readFileSync(join(docsDir, 'README.md'), 'utf8');
    const rows = [...index.matchAll(/^\| \[([\w-]+)\]\(\1\.md\) *\| (\w+)(?: \(([^)]+)\))? *\| (.+?) *\|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(ids);
    for (const [, id, severity, applies, description] of rows) {
      const { meta } = rules.find((r) => r.meta.id === id)!;
      expect([severity, applies, description], id).toEqual([meta.severity, meta.reads, meta.description]);
    }
  });

  it("declares messages and what each rule's findings read as (the runner frames them by verdict)", () => {
    for (const r of rules) {
      expect(Object.keys(r.meta.messages).length, r.meta.id).toBeGreaterThan(0);
      expect(r.meta.description.length, r.meta.id).toBeGreaterThan(20);
    }
    const by = (reads: string) =>
      rules
        .filter((r) => r.meta.reads === reads)
        .map((r) => r.meta.id)
        .sort();
    // What a copy left out, or a report of its own could lack: demoted when copying was not shown.
    expect(by('omission')).toEqual(['claim-dropped', 'entity-dropped', 'number-dropped']);
    expect(by('addition')).toEqual(['quote-fabricated', 'unsupported-content']);
    expect(by('credit')).toEqual(['source-uncredited']);
    expect(by('page')).toEqual(['boilerplate']);
  });
});
