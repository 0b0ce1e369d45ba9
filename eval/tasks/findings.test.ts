import { describe, expect, it } from 'vitest';
import { locateTokens, readRelations } from './findings-etpc.js';
import { hedgeCount } from './findings-insciout.js';
import { readAnn, regexAttributions } from './findings-polnear.js';

describe('findings parts: readers on hand-made inputs', () => {
  it('reads brat attributions (Source/Cue/Content linked by an E line)', () => {
    const ann =
      'T1\tSource 0 8\tAnn Reid\nT2\tCue 9 13\tsaid\nT3\tContent 14 30\tthe ramps failed\nT4\tAttribution 9 13\tsaid\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n';
    expect(readAnn(ann)).toEqual([{ source: [0, 8], cue: [9, 13], content: [14, 30] }]);
  });

  it('the said-verb baseline finds cue, source before it and content after it', () => {
    const text = 'Ann Reid said the ramps had failed.';
    const [a] = regexAttributions(text);
    expect(text.slice(...a.cue)).toBe('said');
    expect(text.slice(...a.source!)).toBe('Ann Reid');
    expect(text.slice(...a.content!)).toBe('the ramps had failed.');
  });

  it('locates PTB tokens in the raw sentence and reads ETPC relations', () => {
    expect(locateTokens('The firm does not fit, it said "no" for $2.5 billion.', '$ 2.5 billion')).toEqual([40, 52]);
    expect(locateTokens('He said "no" today.', "`` no ''")).toEqual([8, 12]);
    const xml =
      '<xml><relation><pair_id>2</pair_id><type_name>Negation switching</type_name><sense_preserving>no</sense_preserving><s1_text>did not</s1_text><s2_text>did</s2_text></relation></xml>';
    expect(readRelations(xml)).toEqual([
      { pair: 2, type: 'Negation switching', sense: false, s1: 'did not', s2: 'did' },
    ]);
  });

  it('counts hedge words for the InSciOut baseline', () => {
    expect(hedgeCount('Coffee may be associated with longer life.')).toBe(2);
    expect(hedgeCount('Coffee makes you live longer.')).toBe(0);
  });
});
