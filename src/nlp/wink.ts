import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One shared wink-nlp instance (loading the model takes ~100 ms; do it once). */
// No negation pipe: step 08 finds negations itself, and wink's flags are never read.
export const nlp = winkNLP(model, ['sbd', 'pos']);
export const its = nlp.its;
