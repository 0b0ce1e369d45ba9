/** The item comparisons the checks share, from the nlp steps that define the items. */
export { isRough, numbersConflict, QuantitySet, quantityRange, sameQuantity } from '../../nlp/03-numbers.js';
export { sameEntity } from '../../nlp/04-entities.js';
