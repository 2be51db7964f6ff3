/** Types of stats.mjs, for the TypeScript bench scripts that import it. */
export declare function percentile(values: number[], p: number): number;
