// The benchmark's Compose row (issue: validation of a 2,000-line compose file after an edit, p95 ≤ 10 ms): a
// generated compose.yaml of app services each with a log shipper on a shared volume and a proxy in its network
// namespace, their shared settings merged from an anchored x- block, opened in our server over stdio like an editor;
// one-character edits in image tags spread over the file, then completion
// and hover at a service key. The parse floor (parseAllDocuments + toJS of the same text) is measured beside it,
// and the same edits in-process (scripts/bench/compose-inprocess.ts: the core's incremental parse and validation
// against a full parse and validation of each version).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { BenchClient } from './lsp-client.mjs';
import { percentile } from './stats.mjs';

/** The core reads aliases up to this count (server/src/core/parse/document.ts MAX_ALIAS_COUNT); the floor parses as it does. */
const MAX_ALIAS_COUNT = 1000;

/**
 * A Compose file of about `lines` lines: shared settings in an anchored `x-common` block (its logging aliased from
 * `x-logging`), merged into every service with `<<: *common` as real Compose files do, then groups of an app, its
 * log shipper and its proxy (21 lines each group). `edits`: where the benchmark types, the end of an app's image
 * tag in ten groups spread over the file (each edit types a character there and the next deletes it).
 */
export function generateCompose(lines) {
  const out = ['name: bench', 'x-logging: &logging', '  driver: json-file', '  options:', '    max-size: "10m"', 'x-common: &common', '  restart: unless-stopped', '  logging: *logging', 'services:'];
  const volumes = [];
  let group = 0;
  while (out.length < lines - 4) {
    const app = `app-${group}`;
    volumes.push(`logs-${group}`);
    out.push(
      `  ${app}:`,
      '    <<: *common',
      `    image: registry.example.com/team/app-${group}:1.${group}.0`,
      '    ports:',
      `      - "${10000 + group}:8080"`,
      '    volumes:',
      `      - logs-${group}:/var/log/app`,
      '    healthcheck:',
      '      test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/healthz"]',
      `  shipper-${group}:`,
      '    <<: *common',
      '    image: fluent/fluent-bit:3.2.2',
      '    volumes:',
      `      - logs-${group}:/var/log/app:ro`,
      '    depends_on:',
      `      ${app}:`,
      '        condition: service_healthy',
      `  proxy-${group}:`,
      '    <<: *common',
      '    image: envoyproxy/envoy:v1.32.3',
      `    network_mode: "service:${app}"`,
    );
    group++;
  }
  out.push('volumes:', ...volumes.map((v) => `  ${v}:`));
  const text = `${out.join('\n')}\n`;
  const imageLines = out.flatMap((line, index) => (line.startsWith('    image: registry.example.com/team/app-') ? [index] : []));
  const edits = Array.from({ length: Math.min(10, imageLines.length) }, (_, k) => imageLines[Math.floor((k * imageLines.length) / Math.min(10, imageLines.length))]).map((line) => ({ line, character: out[line].length }));
  const hoverLine = out.findIndex((line) => line.startsWith('    network_mode:'));
  return {
    text,
    lineCount: out.length,
    edits,
    completion: { line: hoverLine, character: 4 },
    hover: { line: hoverLine, character: 6 },
  };
}

/** The `i`-th edit of the benchmark: typing a character at one of `edits` (even i), or deleting it again (odd i). */
export function composeEdit(compose, i) {
  const at = compose.edits[Math.floor(i / 2) % compose.edits.length];
  return i % 2 === 0 ? { range: { start: at, end: at }, text: '1' } : { range: { start: at, end: { line: at.line, character: at.character + 1 } }, text: '' };
}

/**
 * @param {{ label: string, command: string[], configuration: (section: string) => unknown }} server
 * @param {string} workDir
 * @param {{ lines?: number, edits?: number, requests?: number }} options
 */
export async function measureCompose(server, workDir, options = {}) {
  const compose = generateCompose(options.lines ?? 2000);
  const edits = options.edits ?? 200;
  // Beside a full parse and validation per edit (hundreds of ms each), the comparison run keeps to its first 40 edits.
  const besideEdits = Math.min(edits, 40);
  const requests = options.requests ?? 30;
  for (const document of parseAllDocuments(compose.text)) document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  const parses = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    for (const document of parseAllDocuments(compose.text)) document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    parses.push(performance.now() - t0);
  }
  const dir = path.join(workDir, 'compose-bench');
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'compose.yaml');
  fs.writeFileSync(file, compose.text);
  const uri = pathToFileURL(file).href;
  const client = new BenchClient(server.label, server.command, server.configuration);
  const result = { lines: compose.lineCount, parseMs: percentile(parses, 50), openMs: NaN, edits: [], completions: [], hovers: [], findings: 0, completionItems: 0 };
  try {
    await client.initialize(pathToFileURL(dir).href);
    let version = 1;
    const opened = client.nextDiagnostics(uri, (p) => p.version === version);
    const t0 = performance.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: compose.text } });
    const first = await opened;
    result.openMs = first.at - t0;
    result.findings = first.params?.diagnostics?.length ?? 0;
    for (let i = 0; i < edits; i++) {
      version++;
      const { range, text } = composeEdit(compose, i);
      const published = client.nextDiagnostics(uri, (p) => p.version === version);
      const t1 = performance.now();
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
      result.edits.push((await published).at - t1);
    }
    for (let i = 0; i < requests; i++) {
      const t1 = performance.now();
      const list = await client.request('textDocument/completion', { textDocument: { uri }, position: compose.completion });
      result.completions.push(performance.now() - t1);
      result.completionItems = (Array.isArray(list) ? list : (list?.items ?? [])).length;
      const t2 = performance.now();
      await client.request('textDocument/hover', { textDocument: { uri }, position: compose.hover });
      result.hovers.push(performance.now() - t2);
    }
  } finally {
    await client.stop();
  }
  const here = path.dirname(fileURLToPath(import.meta.url));
  // Twice: the edits alone, as the server runs them, and each beside a full parse and validation for comparison.
  for (const [key, count, flags] of [['inProcessAlone', edits, ['--alone']], ['inProcess', besideEdits, []]]) {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'compose-inprocess.ts'), String(options.lines ?? 2000), String(count), ...flags], { encoding: 'utf8' });
    if (run.status === 0) result[key] = JSON.parse(run.stdout);
    else result.inProcessError = `compose-inprocess failed: ${run.stderr.slice(-500)}`;
  }
  console.error(`[bench]   compose ${result.lines} lines: open ${result.openMs.toFixed(1)} ms, ${result.edits.length} edits p50 / p95 / p99 ${percentile(result.edits, 50).toFixed(1)} / ${percentile(result.edits, 95).toFixed(1)} / ${percentile(result.edits, 99).toFixed(1)} ms, ${result.findings} findings`);
  return result;
}

/** The row as Markdown. */
export function renderCompose(result, fmt) {
  const rows = [
    ['parse whole file once, warm (parseAllDocuments + toJS)', `${fmt(result.parseMs)} ms`],
    ['open → diagnostics', `${fmt(result.openMs)} ms (${result.findings} findings)`],
    ['edits (each typed or deleted, ten services, no edit left out)', `${result.edits.length}`],
    ['edit → diagnostics p50', `${fmt(percentile(result.edits, 50))} ms`],
    ['edit → diagnostics p95 (target ≤ 10 ms)', `${fmt(percentile(result.edits, 95))} ms`],
    ['edit → diagnostics p99 / worst', `${fmt(percentile(result.edits, 99))} / ${fmt(percentile(result.edits, 100))} ms`],
    ['edit → diagnostics p95 ÷ parse once', `${fmt(percentile(result.edits, 95) / result.parseMs)}×`],
    ['completion p50 (service keys)', `${fmt(percentile(result.completions, 50))} ms, ${result.completionItems} items`],
    ['hover p50 (network_mode)', `${fmt(percentile(result.hovers, 50))} ms`],
  ];
  const own = result.inProcess;
  const alone = result.inProcessAlone;
  if (alone) {
    rows.push(
      [`in-process, ${alone.edits} edits alone: edit → findings p50 / p95 / p99`, `${fmt(alone.edit.p50)} / ${fmt(alone.edit.p95)} / ${fmt(alone.edit.p99)} ms`],
      [`in-process, ${alone.edits} edits alone: CPU per edit p50 / p95 / p99 (all threads)`, `${fmt(alone.cpu.p50)} / ${fmt(alone.cpu.p95)} / ${fmt(alone.cpu.p99)} ms`],
      [`in-process, ${alone.edits} edits alone: parsed incrementally`, `${alone.incremental} of ${alone.edits}`],
    );
  }
  if (own) {
    rows.push(
      [`in-process, first ${own.edits} edits: edit → findings p50 / p95 (incremental parse + validation)`, `${fmt(own.edit.p50)} / ${fmt(own.edit.p95)} ms`],
      ['in-process: of which the incremental parse p50 / p95', `${fmt(own.parse.p50)} / ${fmt(own.parse.p95)} ms`],
      ['in-process: full parse of the same text p50 / p95', `${fmt(own.fullParse.p50)} / ${fmt(own.fullParse.p95)} ms`],
      ['in-process: full parse + validation p50 / p95', `${fmt(own.fullValidation.p50)} / ${fmt(own.fullValidation.p95)} ms`],
      [`in-process, first ${own.edits} edits: parsed incrementally`, `${own.incremental} of ${own.edits}`],
    );
  } else if (result.inProcessError) {
    rows.push(['in-process', result.inProcessError]);
  }
  return [`| Compose file, ${result.lines.toLocaleString('en-US')} lines | ours |`, '|---|---:|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}
