/**
 * Text as the tsvector is built from it: NUL removed (PostgreSQL text cannot hold it) and cut at 300,000
 * characters, so a huge page never hits the 1 MB tsvector limit and fails its whole batch (the cut costs only
 * matches beyond it; SQLite's FTS5 has no such limit).
 */
export function tsText(text: string): string {
  return (text.length > 300_000 ? text.slice(0, 300_000) : text).replace(/\u0000/g, ' ');
}
