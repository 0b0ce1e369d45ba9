import { describe, expect, it } from 'vitest';
import { sniffFormat } from './sniff.js';

describe('sniffFormat', () => {
  it.each([
    ['<!DOCTYPE html><html><body><p>Hi</p></body></html>', 'html'],
    ['  <html lang="en"><p>The mayor resigned.', 'html'],
    ['<p>The mayor resigned on Friday.</p>\n<p>She gave no reason.</p>', 'html'],
    ['# Mayor resigns\n\nThe mayor resigned on Friday.', 'markdown'],
    ['The mayor **resigned** on Friday.', 'markdown'],
    ['The mayor resigned, [the council said](https://example.org/x).', 'markdown'],
    ['Mayor resigns\n=============\n\nThe mayor resigned on Friday.', 'markdown'],
    ['The mayor resigned on Friday.\n\nShe gave no reason.', 'text'],
    // Expletive asterisks and a fine of "#500" in wire copy are not Markdown.
    ["He shouted: 'You don't take ******* liberties.' Then he left.", 'text'],
    ['He was fined #500 and costs.', 'text'],
    ['Profits rose 5% as x < y and y > z.', 'text'],
  ])('%j → %s', (input, format) => {
    expect(sniffFormat(input)).toBe(format);
  });
});
