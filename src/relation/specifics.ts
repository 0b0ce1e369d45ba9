import type { Analysis, NumberMention } from '../types.js';

/** Only figures written with digits are specifics: "thousands of", "a dozen", "seven days" are what a spin blurs them into. */
const isFigure = (n: NumberMention) => n.kind !== 'year' && /\d/.test(n.text);

interface Specifics {
  keys: Set<string>;
  words: Set<string>;
}

function specificsOf(a: Analysis): Specifics {
  return {
    keys: new Set([...a.entities.map((e) => 'e:' + e.key), ...a.numbers.filter(isFigure).map((n) => 'n:' + n.value)]),
    words: new Set(a.text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []),
  };
}

/** Derived specifics the source lacks; an entity the source names in another form ("Hamburg" in "Berlin-Hamburg line") is not new. */
function novel(source: Specifics, derived: Specifics): string[] {
  return [...derived.keys].filter(
    (k) =>
      !source.keys.has(k) &&
      !(k.startsWith('e:') && (k.slice(2).match(/[\p{L}\p{N}]+/gu) ?? []).every((w) => source.words.has(w))),
  );
}

/**
 * Specifics compared once for both features: the share of the derived text's specifics (entity keys and figures)
 * the source has too, and new specifics per derived body sentence — an independent report brings its own people,
 * places and figures (about one a sentence); a spin brings almost none.
 */
export function compareSpecifics(
  source: Analysis,
  derived: Analysis,
): { shared: number; novelRate: number; count: number } {
  const d = specificsOf(derived);
  const fresh = novel(specificsOf(source), d).length;
  const sentences = derived.sentences.filter((s) => s.kind === 'body').length;
  return {
    shared: d.keys.size ? 1 - fresh / d.keys.size : 0,
    novelRate: sentences ? fresh / sentences : 0,
    count: d.keys.size,
  };
}
