// Removed (no longer served) apiVersion/kind pairs for schemas/v1.36/index.json, read from the one curated table
// of served apiVersions (server/src/core/kubernetes/data/served-api-versions.json, sources per row).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const TABLE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../server/src/core/kubernetes/data/served-api-versions.json');
const { apiVersions } = JSON.parse(fs.readFileSync(TABLE, 'utf8'));

const entries = [];
for (const row of apiVersions) {
  if (!row.lastServed) continue;
  const removedIn = `1.${Number(row.lastServed.split('.')[1]) + 1}`;
  for (const kind of row.kinds) {
    entries.push({ apiVersion: row.apiVersion, kind, removedIn, replacement: row.replacement, ...(row.note ? { note: row.note } : {}) });
  }
}

export const removedApiVersions = entries.sort((a, b) =>
  a.apiVersion === b.apiVersion ? a.kind.localeCompare(b.kind) : a.apiVersion.localeCompare(b.apiVersion),
);
