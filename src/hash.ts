import { createHash } from 'node:crypto';

/** Hex SHA-256 of the raw input (strings hashed as UTF-8), the article's identity in reports and the store. */
export function sha256(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Hex SHA-1: a cheap "same raw bytes" key (not an identity: sha256 is). */
export function sha1(bytes: Buffer | Uint8Array | string): string {
  return createHash('sha1').update(bytes).digest('hex');
}

/** FNV-1a over UTF-16 code units (unsigned). The vector cache's hash table and its lookups must agree on it. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** FNV-1a then a murmur3 finaliser: fast, stable across runs and processes, spread over all 32 bits. */
export function hash32(s: string): number {
  return mix32(fnv1a(s));
}

/** murmur3 fmix32: spreads nearby inputs over all 32 bits. */
export function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
