// Types of what the unit tests use from compose-rows.mjs (the benchmark's generated Compose file).
export interface GeneratedCompose {
  text: string;
  lineCount: number;
  edit: { line: number; character: number };
  completion: { line: number; character: number };
  hover: { line: number; character: number };
}
export function generateCompose(lines: number): GeneratedCompose;
