import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const require = createRequire(import.meta.url);

/**
 * wink-nlp caches every out-of-vocabulary word it meets and later asks that cache "is this a known word?" while
 * tokenising, so the tokens of a text depended on the documents read before it: `He said 'I` gave `'I` as one
 * token after some earlier text had added it, two before. We wrap wink's per-document wrapper so that its
 * lookups answer only from the model's own vocabulary; tokens are then a function of the text alone, whatever
 * the worker or the order. Must run before wink-nlp is first loaded (it requires ./dd-wrapper.js once, at load).
 */
function deterministicLookups(): void {
  const path = require.resolve('wink-nlp/src/dd-wrapper.js');
  const original = require(path) as (data: { cache: WinkCache }) => unknown;
  require.cache[path]!.exports = function docDataWrapper(data: { cache: WinkCache }) {
    const cache = data.cache;
    const intrinsic = cache.intrinsicSize();
    const filtered: WinkCache = Object.create(cache);
    filtered.lookup = (text: string) => {
      const known = cache.lookup(text);
      return known && known.length === 1 && known[0] >= intrinsic ? null : known;
    };
    data.cache = filtered;
    try {
      return original(data);
    } finally {
      data.cache = cache;
    }
  };
}
interface WinkCache {
  lookup(text: string): number[] | null;
  intrinsicSize(): number;
}

deterministicLookups();
const winkNLP = require('wink-nlp') as typeof WinkNLP;

/** One shared wink-nlp instance (loading the model takes ~100 ms; do it once). */
// No negation pipe: step 08 finds negations itself, and wink's flags are never read.
export const nlp = winkNLP(model, ['sbd', 'pos']);
export const its = nlp.its;
