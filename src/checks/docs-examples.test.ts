import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packageRoot } from '../lexicons.js';
import { rules } from './registry.js';
import { runRule, type ArticleFixture } from './tester.js';

/** Each doc page's Example is run: the documented finding must be the rule's first finding, word for word. */
describe('docs/checks examples', () => {
  for (const check of rules) {
    it(check.meta.id, () => {
      const page = readFileSync(join(packageRoot, 'docs/checks', `${check.meta.id}.md`), 'utf8');
      const example = page.slice(page.indexOf('## Example'), page.indexOf('## Options'));
      const block = (label: string) =>
        new RegExp(`${label}:\\n\\n\`\`\`\\w+\\n([\\s\\S]*?)\\n\`\`\``).exec(example)?.[1];
      const [sourceText, derived, finding] = [block('Source'), block('Rewrite'), block('Finding')];
      expect(sourceText && derived && finding, 'Source, Rewrite and Finding blocks').toBeTruthy();
      const meta = block('Source metadata');
      const source: ArticleFixture = meta ? { text: sourceText!, ...(JSON.parse(meta) as object) } : sourceText!;
      const [first] = runRule(check, { name: 'doc example', source, derived: derived! });
      expect(first && `${first.ruleId} (${first.severity}): ${first.message}`).toBe(finding);
    });
  }
});
