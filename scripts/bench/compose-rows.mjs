// The benchmark's Compose row (issue: validation of a 2,000-line compose file after an edit, p95 ≤ 10 ms): a
// generated compose.yaml of app services each with a log shipper on a shared volume and a proxy in its network
// namespace, opened in our server over stdio like an editor; one-character edits in an image tag, then completion
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

/** A Compose file of about `lines` lines: groups of an app, its log shipper and its proxy (21 lines each group). */
export function generateCompose(lines) {
  const out = ['name: bench', 'services:'];
  const volumes = [];
  let group = 0;
  while (out.length < lines - 4) {
    const app = `app-${group}`;
    volumes.push(`logs-${group}`);
    out.push(
      `  ${app}:`,
      `    image: registry.example.com/team/app-${group}:1.${group}.0`,
      '    ports:',
      `      - "${10000 + group}:8080"`,
      '    volumes:',
      `      - logs-${group}:/var/log/app`,
      '    healthcheck:',
      '      test: ["CMD", "wget", "-q", "-O-", "http://127.0.0.1:8080/healthz"]',
      '    restart: unless-stopped',
      `  shipper-${group}:`,
      '    image: fluent/fluent-bit:3.2.2',
      '    volumes:',
      `      - logs-${group}:/var/log/app:ro`,
      '    depends_on:',
      `      ${app}:`,
      '        condition: service_healthy',
      '    restart: unless-stopped',
      `  proxy-${group}:`,
      '    image: envoyproxy/envoy:v1.32.3',
      `    network_mode: "service:${app}"`,
      '    restart: unless-stopped',
    );
    group++;
  }
  out.push('volumes:', ...volumes.map((v) => `  ${v}:`));
  const text = `${out.join('\n')}\n`;
  const editLine = out.findIndex((line) => line.startsWith('    image: registry.example.com/team/app-'));
  const hoverLine = out.findIndex((line) => line.startsWith('    network_mode:'));
  return {
    text,
    lineCount: out.length,
    edit: { line: editLine, character: out[editLine].length },
    completion: { line: hoverLine, character: 4 },
    hover: { line: hoverLine, character: 6 },
  };
}


/**
 * @param {{ label: string, command: string[], configuration: (section: string) => unknown }} server
 * @param {string} workDir
 * @param {{ lines?: number, edits?: number, requests?: number }} options
 */
export async function measureCompose(server, workDir, options = {}) {
  const compose = generateCompose(options.lines ?? 2000);
  const edits = options.edits ?? 50;
  const requests = options.requests ?? 30;
  for (const document of parseAllDocuments(compose.text)) document.toJS();
  const parses = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    for (const document of parseAllDocuments(compose.text)) document.toJS();
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
      const typed = i % 2 === 0;
      const at = compose.edit;
      const range = typed ? { start: at, end: at } : { start: at, end: { line: at.line, character: at.character + 1 } };
      const published = client.nextDiagnostics(uri, (p) => p.version === version);
      const t1 = performance.now();
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed ? '1' : '' }] });
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
  const inProcess = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'compose-inprocess.ts'), String(options.lines ?? 2000), String(edits)], { encoding: 'utf8' });
  if (inProcess.status === 0) result.inProcess = JSON.parse(inProcess.stdout);
  else result.inProcessError = `compose-inprocess failed: ${inProcess.stderr.slice(-500)}`;
  console.error(`[bench]   compose ${result.lines} lines: open ${result.openMs.toFixed(1)} ms, edit p95 ${percentile(result.edits, 95).toFixed(1)} ms, ${result.findings} findings`);
  return result;
}

/** The row as Markdown. */
export function renderCompose(result, fmt) {
  const rows = [
    ['parse whole file once, warm (parseAllDocuments + toJS)', `${fmt(result.parseMs)} ms`],
    ['open → diagnostics', `${fmt(result.openMs)} ms (${result.findings} findings)`],
    ['edit → diagnostics p50', `${fmt(percentile(result.edits, 50))} ms`],
    ['edit → diagnostics p95 (target ≤ 10 ms)', `${fmt(percentile(result.edits, 95))} ms`],
    ['edit → diagnostics p95 ÷ parse once', `${fmt(percentile(result.edits, 95) / result.parseMs)}×`],
    ['completion p50 (service keys)', `${fmt(percentile(result.completions, 50))} ms, ${result.completionItems} items`],
    ['hover p50 (network_mode)', `${fmt(percentile(result.hovers, 50))} ms`],
  ];
  const own = result.inProcess;
  if (own) {
    rows.push(
      ['in-process: edit → findings p50 / p95 (incremental parse + validation)', `${fmt(own.edit.p50)} / ${fmt(own.edit.p95)} ms`],
      ['in-process: of which the incremental parse p50 / p95', `${fmt(own.parse.p50)} / ${fmt(own.parse.p95)} ms`],
      ['in-process: full parse of the same text p50 / p95', `${fmt(own.fullParse.p50)} / ${fmt(own.fullParse.p95)} ms`],
      ['in-process: full parse + validation p50 / p95', `${fmt(own.fullValidation.p50)} / ${fmt(own.fullValidation.p95)} ms`],
      ['in-process: edits parsed incrementally', `${own.incremental} of ${own.edits}`],
    );
  } else if (result.inProcessError) {
    rows.push(['in-process', result.inProcessError]);
  }
  return [`| Compose file, ${result.lines.toLocaleString('en-US')} lines | ours |`, '|---|---:|', ...rows.map(([a, b]) => `| ${a} | ${b} |`)].join('\n');
}
