import type { Analysis } from '../types.js';

export type AnalysisLayers = Pick<
  Analysis,
  'entities' | 'numbers' | 'quotes' | 'attributions' | 'speakerDescriptions' | 'hedges' | 'negations'
>;

/** The layers steps 02–08 fill, empty: the full recipe starts from them, a plain (sentences-only) analysis keeps them. */
export function emptyLayers(): AnalysisLayers {
  return {
    entities: [],
    numbers: [],
    quotes: [],
    attributions: [],
    speakerDescriptions: [],
    hedges: [],
    negations: [],
  };
}
