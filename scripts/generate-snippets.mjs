#!/usr/bin/env node
// Writes snippets/kubernetes-sidecars.code-snippets from the snippet data (snippets/sidecars.json, assembled by
// server/src/core/features/snippets.ts), the one source of truth for the snippets that completion offers.
// `--check` exits 1 when the file differs from the table (CI), instead of writing it.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'snippets', 'kubernetes-sidecars.code-snippets');
const { renderSnippetFile } = await tsImport('../server/src/core/features/snippets.ts', import.meta.url);
const text = renderSnippetFile();

if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(target, 'utf8');
  } catch {
    // a missing file differs
  }
  if (current !== text) {
    console.error(`${target} is out of date: run node scripts/generate-snippets.mjs`);
    process.exit(1);
  }
} else {
  writeFileSync(target, text);
  console.log(`wrote ${target}`);
}
