/**
 * Rarest query words a full-text search keeps, on both backends: an OR of a whole article's words matches nearly
 * every document, while the rare ones (names, numbers, unusual words) are what a rewrite keeps and few documents share.
 */
export const TEXT_QUERY_RAREST = 32;

/** Most distinct words a full-text query keeps: a whole article as the query stays one bounded statement. */
export const MAX_QUERY_TERMS = 1000;

/**
 * The words of a full-text query, lower-cased and distinct, letters and digits only: each backend quotes or joins
 * them into its own query syntax, and no character of the query can reach that syntax as an operator.
 */
export function searchTerms(text: string): string[] {
  return [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [])].slice(0, MAX_QUERY_TERMS);
}
