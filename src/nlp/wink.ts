import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

/** One shared wink-nlp instance (loading the model takes ~100 ms; do it once). */
export const nlp = winkNLP(model, ['sbd', 'pos', 'negation']);
export const its = nlp.its;
