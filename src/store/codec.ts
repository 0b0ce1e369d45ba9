import { deflateRawSync, inflateRawSync } from 'node:zlib';
import type { Analysis } from '../types.js';

/** Analyses are stored deflated (≈ 8× smaller than JSON; tokens repeat the text) so trace need not re-analyse. */
export function encodeAnalysis(a: Analysis): Uint8Array {
  return deflateRawSync(Buffer.from(JSON.stringify(a)), { level: 3 });
}

export function decodeAnalysis(bytes: Uint8Array): Analysis {
  return JSON.parse(inflateRawSync(bytes).toString('utf8')) as Analysis;
}
