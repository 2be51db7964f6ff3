// Types of what the TypeScript bench scripts use from kustomize.mjs (the benchmark's generated overlay).
export declare const KUSTOMIZE_DEPLOYMENTS: number;
export declare const KUSTOMIZE_PATCHES: number;
/** Writes base/ (one file per resource) and overlay/ (the patches) under `dir`; the patch to edit, its text and where to type. */
export declare function writeOverlay(dir: string): { overlay: string; edited: string; text: string; edit: { line: number; character: number } };
