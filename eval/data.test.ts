import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordContainment } from '../src/relation/word-containment.js';
import { containment, insideSharedRun, ngramSet, readCsv, readLines, words } from './data.js';

describe('words', () => {
  it('keeps offsets, lower-cases and holds inner apostrophes and figures together', () => {
    const text = "The Council's £1,500 fine was upheld.";
    const w = words(text);
    expect(w.map((x) => x.norm)).toEqual(['the', "council's", '1,500', 'fine', 'was', 'upheld']);
    for (const x of w) expect(text.slice(x.start, x.end).toLowerCase()).toBe(x.norm);
  });
});

describe('containment', () => {
  it('is the share of distinct words of the part found in the whole', () => {
    const source = 'A man was jailed for six years at Leeds Crown Court yesterday.';
    expect(containment('The man was jailed for six years.', source)).toBeCloseTo(6 / 7); // "the" missing
    expect(containment('', source)).toBe(0);
  });
  it("is what the verdict table's `words` rows measure", () => {
    const source = "The Council's £1,500 fine was upheld by the U.S. court on Tuesday, don’t forget.";
    for (const part of [
      'The council’s fine of £1,500 was upheld.',
      'A U.S. judge upheld it',
      'Nothing shared here',
      '',
    ])
      expect(wordContainment(part, source)).toBe(containment(part, source));
  });
});

describe('insideSharedRun', () => {
  it('marks the words of every shared 3-word run, not isolated shared words', () => {
    const source = words('the jury heard that the defendant had fled the country').map((w) => w.norm);
    const derived = words('jurors heard the defendant had fled abroad').map((w) => w.norm);
    expect(insideSharedRun(derived, ngramSet(source, 3))).toEqual([false, false, true, true, true, true, false]);
  });
});

describe('readers', () => {
  const dir = mkdtempSync(join(tmpdir(), 'unspun-eval-'));

  it('reads CRLF lines trimmed, skipping blanks', () => {
    writeFileSync(join(dir, 'index.txt'), 'a/b.txt\r\n c/d.txt\r\n\r\n');
    expect(readLines(join(dir, 'index.txt'))).toEqual(['a/b.txt', 'c/d.txt']);
  });

  it('parses quoted CSV fields with commas, doubled quotes and newlines', () => {
    writeFileSync(
      join(dir, 'x.csv'),
      'id,doc,label\r\n1,"He said ""no"", then left.\nLater, he returned.",correct\r\n2,plain,error\r\n',
    );
    expect(readCsv(join(dir, 'x.csv'))).toEqual([
      { id: '1', doc: 'He said "no", then left.\nLater, he returned.', label: 'correct' },
      { id: '2', doc: 'plain', label: 'error' },
    ]);
  });
});
