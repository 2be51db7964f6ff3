// Helpers shared by the schema generators that read kubernetes-models `.d.ts` files with the TypeScript compiler
// API: generate-schemas.mjs (built-in kinds) and generate-crd-schemas.mjs (the bundled custom resource kinds).
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

function cleanComment(raw) {
  return raw
    .replace(/^\/\*\*/, '')
    .replace(/\*\/$/, '')
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').replace(/\s+$/, ''))
    .join('\n')
    .trim();
}

/** The last `/** … *\/` comment before `node`, cleaned; undefined when there is none or it is empty. */
export function docOf(node, sourceFile) {
  const text = sourceFile.getFullText();
  const ranges = ts.getLeadingCommentRanges(text, node.getFullStart()) ?? [];
  const docs = ranges.filter((r) => text.slice(r.pos, r.pos + 3) === '/**');
  if (docs.length === 0) return undefined;
  const last = docs[docs.length - 1];
  const cleaned = cleanComment(text.slice(last.pos, last.end));
  return cleaned || undefined;
}

export function withNull(type) {
  const list = Array.isArray(type) ? type : [type];
  return list.includes('null') ? list : [...list, 'null'];
}

export function sortKeys(value) {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys(value[key]);
    return out;
  }
  return value;
}

/** Writes `value` with sorted keys, one space of indentation, and a final newline (the committed format). */
export function writeJson(dir, file, value) {
  fs.writeFileSync(path.join(dir, file), JSON.stringify(sortKeys(value), null, 1) + '\n');
}
