/** Types of crafted.mjs, for the TypeScript tests that import it. */
export interface Crafted {
  name: string;
  make: (bytes: number) => { text: string; offsets: number[] };
}
export declare const CRAFTED: readonly Crafted[];
