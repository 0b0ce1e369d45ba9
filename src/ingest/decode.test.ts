import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { InputError } from '../errors.js';
import { decode, mb } from './decode.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/ingest/${name}`, import.meta.url));
const sentence = 'The mayor said the new bridge will open in “late 2027”, costing £40m.';

describe('decode', () => {
  it('reads UTF-8 and strips its BOM', () => {
    const out = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sentence)]));
    expect(out).toMatchObject({ text: sentence, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with a BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(sentence, 'utf-16le')]);
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(sentence, 'utf-16be')]);
    expect(decode(le)).toMatchObject({ text: sentence, encoding: 'utf-16le' });
    expect(decode(be)).toMatchObject({ text: sentence, encoding: 'utf-16be' });
  });

  it('reads invalid UTF-8 as Windows-1252: smart quotes and the pound sign survive', () => {
    const out = decode(fixture('cp1252.txt'));
    expect(out.encoding).toBe('windows-1252');
    expect(out.text).toContain('Council sets “fair” rent cap at £950');
    expect(out.text).toContain('council’s housing committee');
    expect(out.text).toContain('Renée Dubois');
    expect(out.warnings[0]).toMatch(/decoded as windows-1252/);
  });

  it('honours a declared HTML charset for non-UTF-8 bytes', () => {
    const html = `<html><head><meta charset="iso-8859-7"></head><body><p>${'Αθήνα '.repeat(5)}</p></body></html>`;
    const out = decode(iconv.encode(html, 'iso-8859-7'));
    expect(out.encoding).toBe('iso-8859-7');
    expect(out.text).toContain('Αθήνα');
  });

  it.each([
    ['empty input', Buffer.alloc(0), /input is empty/],
    ['whitespace only', Buffer.from(' \n\t\r\n  '), /input is empty/],
    ['NUL bytes', Buffer.from('PK\u0003\u0004\u0000\u0000binary', 'latin1'), /binary \(contains NUL bytes\)/],
    ['UTF-16 without BOM', iconv.encode('The council met on Monday.', 'utf-16le'), /binary/],
    [
      'many control characters',
      Buffer.from('\u0001\u0002\u0003\u0004 text \u0005\u0006\u0007\u0008', 'latin1'),
      /many control characters/,
    ],
    [
      'bytes no charset explains',
      Buffer.from([0x81, 0x8d, 0x8f, 0x90, 0x9d, 0x41].flatMap((b) => [b, b, b])),
      /cannot decode input/,
    ],
  ])('rejects %s with a one-line InputError', (_name, bytes, message) => {
    expect(() => decode(bytes)).toThrow(InputError);
    expect(() => decode(bytes)).toThrow(message);
    try {
      decode(bytes);
    } catch (err) {
      expect((err as Error).message).not.toContain('\n');
    }
  });

  it('rejects input over maxBytes with the size in MB', () => {
    const big = Buffer.alloc(Math.round(12.3 * 1024 * 1024), 0x61);
    expect(() => decode(big)).toThrow('input is 12.3 MB, over --max-bytes 10 MB');
    expect(() => decode('x'.repeat(2048), 1024)).toThrow(/over --max-bytes/);
    expect(decode('x'.repeat(1024), 1024).text).toHaveLength(1024);
  });

  it('keeps the wire paragraph mark 0x19 (wire copy needs it)', () => {
    expect(decode(Buffer.from('First paragraph.<\n\u0019Second paragraph.<\n')).text).toContain('\u0019');
  });

  it('formats sizes like the CLI', () => {
    expect(mb(10 * 1024 * 1024)).toBe('10 MB');
    expect(mb(1.25 * 1024 * 1024)).toBe('1.3 MB');
    expect(mb(2700)).toBe('2.6 kB');
    expect(mb(900)).toBe('900 bytes');
  });
});
