/** Bad input or usage: the CLI prints `unspun: <message>` on one line and exits 2. */
export class InputError extends Error {
  override name = 'InputError';
}

/** A `--fail-on` threshold was met or some records of a batch failed: exit 1. */
export class ThresholdError extends Error {
  override name = 'ThresholdError';
}
