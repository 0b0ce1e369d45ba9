import { randomBytes, randomUUID } from 'node:crypto';
import { toProblem } from './problem.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export interface JobProgress {
  done: number;
  /** null while the total is unknown (a feed or a JSONL file being read). */
  total: number | null;
  message: string | null;
}

/** What GET /api/v1/jobs/:id returns (`unspun.job/1`). */
export interface JobView {
  schema: 'unspun.job/1';
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress;
  createdAt: string;
  finishedAt: string | null;
  error: string | null;
  /** Where the finished result is shown (a page) and fetched (the API). */
  links: { page: string; result: string | null };
  result: unknown;
}

interface Job<T = unknown> {
  id: string;
  kind: string;
  state: JobState;
  progress: JobProgress;
  createdAt: Date;
  finishedAt: Date | null;
  error: string | null;
  result: T | null;
  run: (progress: (p: Partial<JobProgress>) => void) => Promise<T>;
}

/**
 * In-process jobs for work too long for one request (adding thousands of articles, tracing against a large
 * corpus, computing families). One job runs at a time (the kernel is CPU-bound: two would only share the cores),
 * the rest wait in order; finished jobs are kept for their result until `keep` newer ones finished.
 */
export class JobQueue {
  private jobs = new Map<string, Job>();
  private queue: Job[] = [];
  private running: Job | null = null;
  /** Starts every job id of this server process, so an id from before a restart is recognised as such. */
  private readonly boot = randomBytes(4).toString('hex');

  constructor(private readonly keep = 100) {}

  /**
   * Why `id` is not found, in one line: jobs live in this process's memory, so one from before a restart is gone
   * (its id carries another process's prefix); one of ours was pruned after `keep` newer jobs finished.
   */
  missing(id: string): string {
    if (!id.startsWith(`${this.boot}-`))
      return `job ${id} is not known to this server: jobs live in its memory and are lost when it restarts, so a job started before the last restart is gone — run it again`;
    return `job ${id} finished long ago and was dropped (the last ${this.keep} finished jobs are kept)`;
  }

  submit<T>(kind: string, run: Job<T>['run']): string {
    const job: Job<T> = {
      id: `${this.boot}-${randomUUID()}`,
      kind,
      state: 'queued',
      progress: { done: 0, total: null, message: null },
      createdAt: new Date(),
      finishedAt: null,
      error: null,
      result: null,
      run,
    };
    this.jobs.set(job.id, job as Job);
    this.queue.push(job as Job);
    queueMicrotask(() => void this.pump());
    return job.id;
  }

  get(id: string): JobView | null {
    const j = this.jobs.get(id);
    return j ? view(j) : null;
  }

  /** The raw result of a finished job (for pages that render it), or null. */
  result<T>(id: string, kind?: string): T | null {
    const j = this.jobs.get(id);
    return j && j.state === 'done' && (!kind || j.kind === kind) ? (j.result as T) : null;
  }

  list(): JobView[] {
    return [...this.jobs.values()].reverse().map((j) => ({ ...view(j), result: undefined }));
  }

  /** Resolves when nothing is queued or running (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running || this.queue.length) await new Promise((r) => setTimeout(r, 20));
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    job.state = 'running';
    try {
      job.result = await job.run((p) => Object.assign(job.progress, p));
      job.state = 'done';
    } catch (err) {
      job.state = 'failed';
      // Bad input says why in one line; anything else stays in the server's log, never in a client's view.
      const p = toProblem(err);
      if (p.problem.status >= 500) console.error(`unspun serve: job ${job.id} (${job.kind}):`, err);
      job.error =
        p.problem.status >= 500
          ? 'the job failed on an internal error (see the server log)'
          : (p.problem.detail ?? p.problem.title);
    } finally {
      job.finishedAt = new Date();
      this.running = null;
      this.prune();
      void this.pump();
    }
  }

  private prune(): void {
    const finished = [...this.jobs.values()].filter((j) => j.finishedAt);
    for (const j of finished.slice(0, Math.max(0, finished.length - this.keep))) this.jobs.delete(j.id);
  }
}

function view(j: Job): JobView {
  return {
    schema: 'unspun.job/1',
    id: j.id,
    kind: j.kind,
    state: j.state,
    progress: { ...j.progress },
    createdAt: j.createdAt.toISOString(),
    finishedAt: j.finishedAt?.toISOString() ?? null,
    error: j.error,
    links: { page: `/jobs/${j.id}`, result: j.state === 'done' ? `/api/v1/jobs/${j.id}` : null },
    result: j.state === 'done' ? j.result : null,
  };
}
