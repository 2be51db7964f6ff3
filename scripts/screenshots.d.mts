/** The README's pictures, in the order scripts/screenshots.mjs takes them. */
export declare const SHOTS: readonly { id: string; file: string; alt: string }[];
