/**
 * `findings`: are the findings themselves right? Spin suite (known edits of real articles, on copies and amid machine
 * paraphrase), ETPC atomic changes, InSciOut exaggeration, PolNeAR attribution spans, and the fidelity score on
 * llm-rewrites. Each part is its own module; `UNSPUN_FINDINGS=spin,polnear` runs a subset (for quick iterations).
 */
import type { EvalContext, EvalRow, EvalTask } from '../types.js';
import { loadKernel } from '../unspun.js';
import { runFidelity } from './findings-fidelity.js';
import { runEtpc } from './findings-etpc.js';
import { runInsciout } from './findings-insciout.js';
import { runPolnear } from './findings-polnear.js';
import { runSpin } from './findings-spin.js';

type Part = (
  ctx: EvalContext,
  k: Awaited<ReturnType<typeof loadKernel>>,
  severityOf: (rule: string) => string,
) => Promise<{ rows: EvalRow[]; details: string[] }>;

const PARTS: Record<string, Part> = {
  spin: (ctx, k, sev) => runSpin(ctx, k.kernel, k.reason, sev),
  fidelity: (ctx, k) => runFidelity(ctx, k.kernel, k.reason),
  etpc: (ctx, k) => runEtpc(ctx, k.kernel, k.reason),
  insciout: (ctx, k) => runInsciout(ctx, k.kernel, k.reason),
  polnear: (ctx, k) => runPolnear(ctx, k.kernel, k.reason),
};

async function run(ctx: EvalContext): Promise<EvalRow[]> {
  const k = await loadKernel();
  const severities = new Map<string, string>();
  try {
    const { rules } = await import('../../src/checks/registry.js');
    for (const r of rules) severities.set(r.meta.id, r.meta.severity);
  } catch {
    /* baseline-only run: severities default to medium */
  }
  const severityOf = (rule: string) => severities.get(rule) ?? 'medium';
  const only = process.env.UNSPUN_FINDINGS?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const rows: EvalRow[] = [];
  for (const [name, part] of Object.entries(PARTS)) {
    if (only && !only.includes(name)) continue;
    const out = await part(ctx, k, severityOf);
    rows.push(...out.rows);
    for (const d of out.details) ctx.detail(d);
  }
  return rows;
}

export const task: EvalTask = {
  name: 'findings',
  description:
    'Per-check precision and recall with spans (spin suite, ETPC), InSciOut hedge direction, PolNeAR attribution spans, fidelity AUC on llm-rewrites',
  run,
};
