import { InputError } from '../errors.js';
import type { Extracted } from '../types.js';
import { assemble } from './assemble.js';
import { markBoilerplate } from './boilerplate.js';
import { DEFAULT_MAX_BYTES, decode } from './decode.js';
import { htmlUnits } from './html.js';
import { markdownUnits } from './markdown.js';
import { sniffFormat } from './sniff.js';
import { plainUnits } from './text.js';
import type { Unit } from './units.js';
import { looksLikeWire, wireUnits } from './wire.js';

export { sha256 } from '../hash.js';

export interface ExtractOptions {
  /** Force a format; default: sniff (HTML if it looks like markup). */
  format?: 'auto' | 'text' | 'html' | 'markdown';
  /** Where the bytes came from, for `Extracted.url` and relative links. */
  url?: string | null;
  /** Reject larger inputs (bytes). Default 10 MB. */
  maxBytes?: number;
  /** Metadata known from outside (JSON Lines records, feeds): wins over what extraction finds. */
  meta?: Partial<Pick<Extracted, 'title' | 'byline' | 'outlet' | 'published'>>;
}

type Found = Pick<Extracted, 'title' | 'byline' | 'outlet' | 'published'>;

/**
 * Bytes or text → clean text with blocks and boilerplate spans. Pure (lexicons are loaded with the module).
 * Throws InputError for empty, oversized, binary or undecodable input and when no text can be extracted.
 */
export function extract(input: Buffer | string, opts: ExtractOptions = {}): Extracted {
  const decoded = decode(input, opts.maxBytes ?? DEFAULT_MAX_BYTES);
  const { text: raw, encoding } = decoded;
  const warnings = [...decoded.warnings];
  const auto = !opts.format || opts.format === 'auto';
  // Wire copy first: its dashed rules would pass for Markdown setext underlines.
  const wire = (auto || opts.format !== 'markdown') && looksLikeWire(raw);
  const format = auto ? (wire ? 'text' : sniffFormat(raw)) : opts.format!;
  let units: Unit[];
  let found: Found = { title: null, byline: null, outlet: null, published: null };

  // Wire copy is plain text by nature, though some archives wrap it in a bare HTML page.
  if (wire) {
    const w = wireUnits(raw);
    units = w.units;
    found = { title: w.headline, byline: w.byline, outlet: w.outlet, published: w.published };
  } else if (format === 'html') {
    const h = htmlUnits(raw, opts.url ?? null);
    units = h.units;
    found = h.meta;
    warnings.push(...h.warnings);
  } else {
    units = format === 'markdown' ? markdownUnits(raw) : plainUnits(raw);
    const first = units[0];
    if (first?.kind === 'heading') found.title = first.text;
  }

  const marked = markBoilerplate(units);
  const { text, blocks, boilerplate } = assemble(marked.units);
  if (!blocks.length)
    throw new InputError(
      text
        ? 'no article text found: everything extracted looks like boilerplate'
        : 'no extractable text found in input',
    );
  const m = opts.meta ?? {};
  return {
    text,
    title: m.title ?? found.title,
    byline: m.byline ?? found.byline ?? marked.byline,
    outlet: m.outlet ?? found.outlet,
    published: m.published ?? found.published,
    url: opts.url ?? null,
    blocks,
    boilerplate,
    format: format === 'markdown' ? 'markdown' : format === 'html' ? 'html' : 'text',
    encoding,
    warnings,
  };
}
