import type { Analysis, Extracted } from '../types.js';
import { emptyLayers } from './layers.js';
import { tokenise } from './01-sentences.js';
import { findQuotes } from './02-quotes.js';
import { findNumbers } from './03-numbers.js';
import { findEntities } from './04-entities.js';
import { findSpeakerDescriptions } from './05-speaker-descriptions.js';
import { findAttributions } from './06-attributions.js';
import { findHedges } from './07-hedges.js';
import { findNegations } from './08-negations.js';
import { detectLanguage } from './language.js';

/**
 * The analysis recipe: each step reads what the earlier ones found and adds its own layer.
 * No I/O (lexicons are loaded with the module).
 * Example: `analyze(extract("Troops were sent, the ministry said."))` → one sentence, one attribution.
 */
export function analyze(ex: Extracted): Analysis {
  const { sentences, tokens, warnings: cut, end } = tokenise(ex); // 01 "Maj. Gen. Lenz said …" → one sentence, tokens with lemmas and POS
  // A text past MAX_ANALYSED_CHARS is kept up to where analysis stopped: every later step and check reads `text`.
  const text = end === null ? ex.text : ex.text.slice(0, end);
  const blocks = ex.blocks.filter((b) => b.start < text.length);
  const language = detectLanguage(text, blocks);
  const warnings = [...ex.warnings, ...cut];
  if (language && language !== 'en')
    warnings.push(`text looks like language "${language}"; checks are tuned for English`);
  const doc: Analysis = {
    schema: 'unspun.analysis/2',
    text,
    title: ex.title,
    byline: ex.byline,
    outlet: ex.outlet,
    published: ex.published,
    url: ex.url,
    language,
    warnings,
    sentences,
    boilerplate: end === null ? ex.boilerplate : ex.boilerplate.filter((b) => b.end <= end),
    tokens,
    ...emptyLayers(),
  };
  doc.quotes = findQuotes(doc); //                           02 “the delays are unacceptable,” → quote, speaker filled in step 06
  doc.numbers = findNumbers(doc); //                         03 "nearly 300" → {value: 300, qualifier: approx}
  doc.entities = findEntities(doc); //                       04 "Germany's" → {type: place, key: germany}
  doc.speakerDescriptions = findSpeakerDescriptions(doc); // 05 "Maria Lenz, a spokeswoman for …"
  doc.attributions = findAttributions(doc); //               06 "She added that …" → speaker resolved to Maria Lenz
  doc.hedges = findHedges(doc); //                           07 "reportedly", "is expected to"
  doc.negations = findNegations(doc); //                     08 "did not", "never"
  return doc;
}
