// Types of what the unit tests and the in-process bench use from compose-rows.mjs (the benchmark's generated Compose file).
export interface Position {
  line: number;
  character: number;
}
export interface GeneratedCompose {
  text: string;
  lineCount: number;
  edits: Position[];
  completion: Position;
  hover: Position;
}
export function generateCompose(lines: number): GeneratedCompose;
export function composeEdit(compose: GeneratedCompose, i: number): { range: { start: Position; end: Position }; text: string };
