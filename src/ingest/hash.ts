import { createHash } from 'node:crypto';

/** Hex SHA-256 of the raw input (strings hashed as UTF-8), the article's identity in reports and the store. */
export function sha256(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}
