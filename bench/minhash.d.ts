/** Types for the `minhash` npm package (it ships none): the parts bench/peers.ts uses. */
declare module 'minhash' {
  export class Minhash {
    constructor(config?: { numPerm?: number; seed?: number });
    readonly maxHash: number;
    hashvalues: number[];
    hashbands: string[] | undefined;
    hash(s: string): number;
    update(s: string): void;
    jaccard(other: Minhash): number;
  }
  export class LshIndex {
    constructor(args?: { bandSize?: number });
    insert(key: string | number, minhash: Minhash): void;
    query(minhash: Minhash): string[];
  }
}
