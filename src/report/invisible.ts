/**
 * Characters that change how text reads without being seen: bidirectional controls (Trojan Source, CVE-2021-42574:
 * U+202E turns `txt.exe` into `exe.txt` on screen) and invisible format characters that split or hide words. Every
 * output shows them as a visible mark, as code review tools do, never raw. ZWJ/ZWNJ (U+200C, U+200D) are left alone:
 * emoji sequences and Persian or Indic words need them; the soft hyphen too (news HTML is full of them, harmless).
 */
export const INVISIBLE_CLASS =
  '\\u061c\\u180e\\u200b\\u200e\\u200f\\u202a-\\u202e\\u2060-\\u2064\\u2066-\\u2069\\ufeff';

const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'g');

/** `<U+202E>` for each such character (HTML callers escape the result as usual, so it shows as text). */
export function markInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `<U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
