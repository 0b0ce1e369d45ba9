import { InvalidArgumentError, Option } from 'commander';
import { availableParallelism } from 'node:os';
import { parseBytes, DEFAULT_MAX_BYTES } from './io.js';

/**
 * Option values checked by commander while parsing, so `--limit abc` is a one-line usage error (exit 2) before
 * any work starts, not a NaN that reaches SQLite.
 */
export function wholeNumber(min: number, max = Number.MAX_SAFE_INTEGER) {
  return (v: string): number => {
    if (!/^\s*\d+\s*$/.test(v)) throw new InvalidArgumentError(`expected a whole number${min > 0 ? ` ≥ ${min}` : ''}.`);
    const n = Number(v);
    if (n < min || n > max) throw new InvalidArgumentError(`expected a whole number from ${min} to ${max}.`);
    return n;
  };
}

/** `--doc-timeout 2.5`: seconds, more than 0, at most a day. */
export function positiveSeconds(v: string): number {
  const n = Number(v);
  if (!/^\s*\d+(?:\.\d+)?\s*$/.test(v) || n <= 0 || n > 86_400)
    throw new InvalidArgumentError('expected seconds, more than 0 (e.g. 60 or 2.5).');
  return n;
}

export function byteSize(v: string): number {
  try {
    const n = parseBytes(v);
    if (n < 1) throw new Error();
    return n;
  } catch {
    throw new InvalidArgumentError('expected a size such as 10MB, 500k or 1048576.');
  }
}

/** More workers than this only costs memory (each holds the vectors and a wink instance, ~60 MB). */
export const MAX_WORKERS = Math.max(2, Math.min(16, availableParallelism() * 2));

export const maxBytesOption = () =>
  new Option('--max-bytes <size>', 'reject larger inputs, counted as they stream in (e.g. 10MB)')
    .argParser(byteSize)
    .default(DEFAULT_MAX_BYTES, '10MB');

export const allowPrivateOption = () =>
  new Option(
    '--allow-private-urls',
    'let URL inputs reach loopback, private and link-local addresses (refused by default)',
  );
