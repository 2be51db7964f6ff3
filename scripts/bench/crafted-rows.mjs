// The benchmark's worst-case rows: every crafted manifest of crafted.mjs at 100 KB and at 1 MB, opened in our
// server over stdio like an editor: open → diagnostics, then completion and hover at the crafted offsets. The
// 1 MB / 100 KB ratio of each is what the linear-time test bounds (≤ 15×; quadratic would be ~100×).
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { CRAFTED } from './crafted.mjs';
import { BenchClient } from './lsp-client.mjs';

const SIZES = [100 * 1024, 1024 * 1024];

/** @param {string} text @param {number} offset */
function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

/**
 * @param {{ label: string, command: string[], configuration: (section: string) => unknown }} server
 * @param {string} workDir
 * @returns {Promise<{ name: string, results: { bytes: number, openMs: number, requestMs: number }[] }[]>}
 */
export async function measureCrafted(server, workDir) {
  const client = new BenchClient(server.label, server.command, server.configuration);
  const rows = [];
  try {
    await client.initialize(pathToFileURL(workDir).href);
    for (const [index, crafted] of CRAFTED.entries()) {
      const results = [];
      for (const bytes of SIZES) {
        const { text, offsets } = crafted.make(bytes);
        const file = path.join(workDir, `crafted-${index}-${bytes}.yaml`);
        fs.writeFileSync(file, text);
        const uri = pathToFileURL(file).href;
        const published = client.nextDiagnostics(uri, (p) => p.version === 1);
        const t0 = performance.now();
        await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
        const openMs = (await published).at - t0;
        const t1 = performance.now();
        for (const offset of offsets) {
          const position = positionAt(text, offset);
          await client.request('textDocument/completion', { textDocument: { uri }, position });
          await client.request('textDocument/hover', { textDocument: { uri }, position });
        }
        const requestMs = performance.now() - t1;
        await client.notify('textDocument/didClose', { textDocument: { uri } });
        fs.rmSync(file);
        results.push({ bytes, openMs, requestMs });
        console.error(`[bench]   crafted "${crafted.name}" ${bytes} B: open → diagnostics ${openMs.toFixed(0)} ms, ${offsets.length} completion+hover ${requestMs.toFixed(0)} ms`);
      }
      rows.push({ name: crafted.name, results });
    }
  } finally {
    await client.stop();
  }
  return rows;
}

/** @param {Awaited<ReturnType<typeof measureCrafted>>} rows @param {(value: number) => string} fmt */
export function renderCrafted(rows, fmt) {
  const out = ['', 'Crafted worst cases (ours only; see scripts/bench/crafted.mjs): 100 KB and 1 MB, and the growth 1 MB ÷ 100 KB.', ''];
  out.push('| crafted manifest | open → diagnostics 100 KB | 1 MB | growth | completion + hover 100 KB | 1 MB | growth |');
  out.push('|---|---:|---:|---:|---:|---:|---:|');
  for (const { name, results } of rows) {
    const [small, large] = results;
    out.push(`| ${name} | ${fmt(small.openMs)} ms | ${fmt(large.openMs)} ms | ${fmt(large.openMs / small.openMs)}× | ${fmt(small.requestMs)} ms | ${fmt(large.requestMs)} ms | ${fmt(large.requestMs / Math.max(small.requestMs, 1))}× |`);
  }
  return out.join('\n');
}
