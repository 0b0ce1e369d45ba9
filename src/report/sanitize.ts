import { INVISIBLE_CLASS } from './invisible.js';

/**
 * Text from an article (its body, title, outlet, a file name) must never drive the terminal: ESC, CSI, OSC (set
 * title, OSC 8 links), C1 controls and bidi overrides are shown escaped instead, e.g. `\x1b[2J` prints as the
 * seven visible characters `\x1b[2J`. Tabs and line feeds are kept by `safeText` and escaped by `safeLine`.
 */
// C0 but \t \n, DEL, C1, line/paragraph separators, and bidi controls and invisible characters (invisible.ts).
const UNSAFE_TEXT = new RegExp(`[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\u2028\\u2029${INVISIBLE_CLASS}]`, 'g');
const UNSAFE_LINE = new RegExp(`[\\x00-\\x1f\\x7f-\\x9f\\u2028\\u2029${INVISIBLE_CLASS}]`, 'g');

function escapeChar(c: string): string {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\t') return '\\t';
  if (c === '\r') return '\\r';
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** Multi-line text for a terminal: control characters escaped, line breaks and tabs kept. */
export function safeText(s: string): string {
  return s.replace(UNSAFE_TEXT, escapeChar);
}

/** One-line field for a terminal (title, label, message): every control character escaped, line breaks too. */
export function safeLine(s: string): string {
  return s.replace(UNSAFE_LINE, escapeChar);
}
