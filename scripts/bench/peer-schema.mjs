// One schema file for yaml-language-server that validates each document against our generated Kubernetes 1.36
// schema of its kind: `allOf` of `if kind == K (and apiVersion == V) then $ref <K's standalone schema>`.
// Only the kinds the benchmark file uses are referenced: a user associates what they edit, and loading every
// kind would charge the peer for schemas it never needs.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * @param {string} schemaDir  schemas/v1.36
 * @param {string} outDir     a temporary folder
 * @param {{ apiVersion: string, kind: string }[]} kinds
 * @returns {string} the combined schema's file URI
 */
export function writePeerSchema(schemaDir, outDir, kinds) {
  const index = JSON.parse(fs.readFileSync(path.join(schemaDir, 'index.json'), 'utf8'));
  fs.mkdirSync(outDir, { recursive: true });
  const branches = [];
  for (const { apiVersion, kind } of kinds) {
    const entry = index.kinds.find((k) => k.apiVersion === apiVersion && k.kind === kind);
    if (!entry) throw new Error(`peer schema: no schema for ${apiVersion} ${kind}`);
    const schema = JSON.parse(fs.readFileSync(path.join(schemaDir, entry.file), 'utf8'));
    // Without `$id` the file's `#/definitions/...` refs resolve against the file itself, not an https URL
    // that would have to be fetched.
    delete schema.$id;
    const target = path.join(outDir, entry.file);
    fs.writeFileSync(target, JSON.stringify(schema));
    branches.push({
      if: { properties: { apiVersion: { const: apiVersion }, kind: { const: kind } }, required: ['apiVersion', 'kind'] },
      then: { $ref: pathToFileURL(target).href },
    });
  }
  const combined = path.join(outDir, 'kubernetes-combined.json');
  fs.writeFileSync(combined, JSON.stringify({ $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', allOf: branches }, null, 1));
  return pathToFileURL(combined).href;
}
