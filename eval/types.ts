/** One line of eval/results.md. */
export interface EvalRow {
  dataset: string;
  task: string;
  metric: string;
  /** Unspun's value; null when the Unspun side could not run (the note says why). */
  value: number | null;
  /** The baseline's value for the same metric, when the task has one. */
  baseline: number | null;
  /** Short note: split, n, what the baseline is. */
  note?: string;
}

export interface EvalContext {
  /** Root of the shared datasets (../shared/data or UNSPUN_DATA). */
  dataDir: string;
  /** Report progress of long loops (drawn as a bar on stderr). */
  progress(task: string, done: number, total: number): void;
  /** Extra detail (confusion matrices …) to put under the table in results.md. */
  detail(markdown: string): void;
}

/** Each task is one module under eval/tasks/ exporting `task`. */
export interface EvalTask {
  name: string;
  description: string;
  run(ctx: EvalContext): Promise<EvalRow[]>;
}
