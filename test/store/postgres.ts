import { randomBytes } from 'node:crypto';

/** The test server: `.ci/run` always sets DATABASE_URL (a throwaway cluster from .ci/postgres.sh). */
export const DATABASE_URL = process.env.DATABASE_URL ?? '';
export const SKIP_POSTGRES = DATABASE_URL
  ? false
  : 'PostgreSQL tests skipped: DATABASE_URL is not set (.ci/run sets it; locally: bash .ci/postgres.sh --shell)';
if (SKIP_POSTGRES) console.warn(SKIP_POSTGRES);

/** A URL naming a fresh schema of the test database, so each test gets an empty corpus (and its own job queue). */
export function pgUrl(tag = 't'): string {
  const u = new URL(DATABASE_URL);
  u.searchParams.set(
    'schema',
    `${tag
      .toLowerCase()
      .replace(/[^a-z0-9]/g, '_')
      .slice(0, 20)}_${randomBytes(4).toString('hex')}`,
  );
  return u.href;
}
