import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type WinkNLP from 'wink-nlp';

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

/**
 * wink-eng-lite-web-model, assembled from its parts so that loading it costs what we use (~40% of `unspun compare`'s
 * CPU went to loading it). Its `core()` deep-copies a 3 MB JSON (parse, stringify, parse) so that many wink
 * instances can share it; we make one instance, so the JSON is parsed once. wink-nlp's load() builds the NER,
 * sentiment and negation automata whatever the pipe; we never run those pipes, so they get empty machines and
 * their JSON is never read. Tokens, POS, sentences and lemmas are unchanged (the analyses are byte-identical).
 */
function leanModel(): unknown {
  const part = (name: string) => require(`wink-eng-lite-web-model/dist/${name}`);
  const empty = JSON.stringify([100, 0, { 0: {} }, {}, {}, {}]);
  const model = Object.create(null);
  model.core = leanCore;
  model.sbd = part('load-sbd-model.js');
  model.pos = part('load-pos-model.js');
  model.ner = () => ({ machines: [], transformers: [] });
  model.negation = () => ({ machines: [empty], setter: () => undefined });
  model.sa = () => ({ machines: [empty], setter: () => undefined });
  model.metaCER = part('load-cer-meta-model.js');
  model.featureFn = part('feature.js');
  model.addons = Object.create(null);
  model.addons.stem = part('porter-stemmer.js');
  model.addons.lemmatize = part('lemmatize.js');
  model.addons.readabilityStats = part('readability-stats.js');
  model.addons.wordVectors = undefined;
  return model;
}

type Features = Record<string, { list: string[]; hash: Record<string, number>; [k: string]: unknown }>;

/** The model's read-core-model.js + load-core-model.js, minus the deep copy (one JSON.parse of the file). */
function leanCore(): unknown {
  const file = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
  const model = JSON.parse(readFileSync(file, 'utf8'));
  const { packing, pos } = model;
  const features = model.features as Features;
  const words = (b64: string) => {
    const bytes = Buffer.from(b64, 'base64');
    return new Uint32Array(new Uint8Array(bytes).buffer); // a copy: its own 4-byte-aligned buffer
  };
  model.lexicon = words(model.lexicon);
  model.xpansions = words(model.xpansions);
  const indexOf = (list: string[]) => {
    const hash = Object.create(null);
    for (let k = 0; k < list.length; k++) hash[list[k]] = k;
    return hash;
  };
  for (const f in packing.layout) if (packing.layout[f][3] === 0) features[f].hash = indexOf(features[f].list);
  features.lexeme.hash = indexOf(features.lexeme.list);
  const clusters = features.posClusters.list as unknown as Array<string | Set<number>>;
  for (let k = 0; k < clusters.length; k++)
    clusters[k] = new Set((clusters[k] as string).split('_').map((e) => pos.hash[e] || 0));
  packing.efList = [];
  for (const f in packing.layout) {
    if (packing.layout[f][3] === 0) {
      features[f].intrinsicSize = features[f].list.length;
      features[f].index = features[f].list.length;
      features[f].maxIndex = packing.layout[f][1] >>> packing.layout[f][2];
    }
    if (packing.layout[f][4] === 1) packing.efList.push(f);
  }
  features.lexeme.intrinsicSize = features.lexeme.list.length;
  features.lexeme.index = features.lexeme.list.length;
  return model;
}

deterministicLookups();
const winkNLP = require('wink-nlp') as typeof WinkNLP;

/** One shared wink-nlp instance (load the model once per process). */
// No negation pipe: step 08 finds negations itself, and wink's flags are never read.
export const nlp = winkNLP(leanModel() as Parameters<typeof WinkNLP>[0], ['sbd', 'pos']);
export const its = nlp.its;
