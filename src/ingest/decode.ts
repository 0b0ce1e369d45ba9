import { createRequire } from 'node:module';
import type chardetModule from 'chardet';
import type iconvModule from 'iconv-lite';
import { InputError } from '../errors.js';

// Valid UTF-8 (nearly every input) needs neither library: loaded on the first input that does (CommonJS, sync).
const require = createRequire(import.meta.url);
let libs: { chardet: typeof chardetModule; iconv: typeof iconvModule } | undefined;
const codecs = () =>
  (libs ??= {
    chardet: require('chardet') as typeof chardetModule,
    iconv: require('iconv-lite') as typeof iconvModule,
  });

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface Decoded {
  text: string;
  /** e.g. `utf-8`, `utf-16le`, `windows-1252`. */
  encoding: string;
  warnings: string[];
}

/** "12.3 MB" as the CLI words --max-bytes; small sizes in kB or bytes so that "0 MB over 0 MB" never happens. */
export function mb(bytes: number): string {
  const one = (n: number) => n.toFixed(1).replace(/\.0$/, '');
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 100 * 1024) return `${one(bytes / 1024)} kB`;
  return `${one(bytes / 1024 / 1024)} MB`;
}

/**
 * Bytes → string: BOMs (UTF-8/16) first, then strict UTF-8, then a detected single-byte charset.
 * Throws InputError for empty, oversized, binary or undecodable input.
 */
export function decode(input: Buffer | string, maxBytes = DEFAULT_MAX_BYTES): Decoded {
  const size = typeof input === 'string' ? Buffer.byteLength(input, 'utf8') : input.length;
  if (size > maxBytes) throw new InputError(`input is ${mb(size)}, over --max-bytes ${mb(maxBytes)}`);
  const out =
    typeof input === 'string'
      ? { text: input.replace(/^\ufeff/, ''), encoding: 'utf-8', warnings: [] }
      : decodeBytes(input);
  if (out.text.includes('\u0000')) throw new InputError('input looks binary (contains NUL bytes), not an article');
  if (!out.text.trim()) throw new InputError('input is empty');
  if (controlShare(out.text) > 0.05)
    throw new InputError('input looks binary (many control characters), not an article');
  return out;
}

function decodeBytes(buf: Buffer): Decoded {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return utf8(buf.subarray(3));
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
    return { text: codecs().iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', warnings: [] };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
    return { text: codecs().iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', warnings: [] };
  // NUL check before guessing: UTF-16 without a BOM and binary files both land here.
  if (buf.includes(0)) throw new InputError('input looks binary (contains NUL bytes), not an article');
  try {
    return utf8(buf);
  } catch {
    return legacy(buf);
  }
}

function utf8(buf: Buffer): Decoded {
  return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8', warnings: [] };
}

/**
 * Not UTF-8. Mostly-ASCII text with a few high bytes is Western news copy: Windows-1252 (a superset of Latin-1
 * that browsers use for it too: 0x93 → “). Otherwise a declared HTML charset, else chardet when it is confident.
 */
function legacy(buf: Buffer): Decoded {
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i
    .exec(buf.subarray(0, 4096).toString('latin1'))?.[1]
    ?.toLowerCase();
  let enc: string | null =
    declared && !/^utf-?8$/.test(declared) && codecs().iconv.encodingExists(declared) ? declared : null;
  if (!enc && asciiShare(buf) >= 0.9 && !hasUndefinedCp1252(buf)) enc = 'windows-1252';
  if (!enc) {
    const best = codecs().chardet.analyse(buf)[0];
    if (best && best.confidence >= 30 && codecs().iconv.encodingExists(best.name)) enc = best.name.toLowerCase();
  }
  if (enc && /^(iso-8859-1|latin1|ascii|us-ascii)$/.test(enc)) enc = 'windows-1252';
  if (!enc || /^utf-?(8|16|32)/.test(enc))
    throw new InputError('cannot decode input: not valid UTF-8 and no character set recognised with confidence');
  const text = codecs().iconv.decode(buf, enc);
  if ((text.match(/\ufffd/g)?.length ?? 0) > text.length * 0.01)
    throw new InputError(`cannot decode input as ${enc}: too many undecodable bytes`);
  return { text, encoding: enc, warnings: [`input is not valid UTF-8; decoded as ${enc}`] };
}

function asciiShare(buf: Buffer): number {
  let n = 0;
  for (const b of buf) if (b < 0x80) n++;
  return n / buf.length;
}

/** 0x81, 0x8D, 0x8F, 0x90 and 0x9D have no character in Windows-1252. */
function hasUndefinedCp1252(buf: Buffer): boolean {
  return buf.some((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d);
}

/** Share of C0/C1 control characters other than tab, newlines, form feed and the wire paragraph mark 0x19. */
function controlShare(text: string): number {
  const sample = text.slice(0, 8192);
  const n = sample.match(/[\u0001-\u0008\u000e-\u0018\u001a-\u001f\u007f]/g)?.length ?? 0;
  return n / sample.length;
}
