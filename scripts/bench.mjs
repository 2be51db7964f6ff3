#!/usr/bin/env node
// `npm run bench`: our language server against yaml-language-server, driven the same way over stdio like an
// editor, on generated manifests of 1,000 / 10,000 / 50,000 lines. Prints a Markdown table with ratios.
// A benchmark, not a test: numbers vary with the machine; read them side by side.
// Then our server alone on the crafted worst cases of scripts/bench/crafted.mjs at 100 KB and 1 MB (--crafted no
// leaves them out).
// Then our server alone on a kustomize overlay of 20 resources and 5 patches (scripts/bench/kustomize.mjs; --kustomize
// no leaves it out), and on a workspace of many files (--workspace-files 0 leaves it out).
// Usage: node scripts/bench.mjs [--sizes 1000,10000,50000|none] [--edits 50] [--requests 30] [--servers ours,peer]
//                               [--crafted yes|no] [--compose yes|no] [--compose-edits 200] [--kustomize yes|no]
//                               [--workspace-files 5000|0]
// The Compose row types its own --compose-edits (200: with 40, its p95 was the third-worst edit).
//                               [--markdown file]   (also write the table to a file)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { generateManifest } from './bench/generate.mjs';
import { measureCrafted, renderCrafted } from './bench/crafted-rows.mjs';
import { measureKustomize, renderKustomize } from './bench/kustomize.mjs';
import { measureCompose, renderCompose } from './bench/compose-rows.mjs';
import { measureWorkspace, renderWorkspace } from './bench/workspace-rows.mjs';
import { BenchClient } from './bench/lsp-client.mjs';
import { writePeerSchema } from './bench/peer-schema.mjs';
import { benchPeerServer } from './tools/pinned-packages.mjs';
import { percentile } from './bench/stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = parseArgs(process.argv.slice(2));
const sizes = args.sizes === 'none' ? [] : (args.sizes ?? '1000,10000,50000').split(',').map(Number);
const editCount = Number(args.edits ?? 50);
const requestCount = Number(args.requests ?? 30);
const servers = (args.servers ?? 'ours,peer').split(',');

const ourServer = path.join(root, 'server', 'out', 'server.js');
const peerServer = servers.includes('peer') ? benchPeerServer() : '';
const schemaDir = path.join(root, 'schemas', 'v1.36');

if (servers.includes('ours')) {
  const build = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.mjs')], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) fail('build failed');
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-bench-'));
const peerSchemaUri = writePeerSchema(schemaDir, path.join(workDir, 'schemas'), [
  { apiVersion: 'v1', kind: 'Pod' },
  { apiVersion: 'apps/v1', kind: 'Deployment' },
  { apiVersion: 'batch/v1', kind: 'Job' },
]);

const SERVERS = {
  ours: {
    label: 'sidecar (ours)',
    command: [ourServer, '--stdio'],
    configuration: (section) => (section === 'sidecar' ? { validate: { enable: true }, kubernetesVersion: '1.34', rules: {} } : null),
    versioned: true,
  },
  peer: {
    label: 'yaml-language-server',
    command: [peerServer, '--stdio'],
    configuration: (section) => {
      if (section === 'yaml') {
        return {
          validate: true,
          hover: true,
          completion: true,
          format: { enable: false },
          schemas: { [peerSchemaUri]: ['*.yaml'] },
          schemaStore: { enable: false },
          kubernetesCRDStore: { enable: false },
          maxItemsComputed: 5000,
        };
      }
      if (section === 'http') return { proxy: '', proxyStrictSSL: false };
      if (section === '[yaml]') return { 'editor.tabSize': 2 };
      if (section === 'editor') return { tabSize: 2, detectIndentation: true };
      return null;
    },
    // yaml-language-server publishes without `version`: the first diagnostics after an edit are that edit's.
    versioned: false,
  },
};

const rows = [];
let craftedRows = [];
let composeRow;
let kustomizeRow;
let workspaceRow;
try {
  for (const lines of sizes) {
    const manifest = generateManifest(lines);
    // One folder per size: the server indexes its workspace folder, and must not parse the other sizes meanwhile.
    const file = path.join(workDir, `size-${lines}`, `bench-${lines}.yaml`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, manifest.text);
    const parseMs = measureParse(manifest.text);
    const coldParseMs = measureColdParse(file);
    console.error(`\n[bench] ${manifest.lineCount} lines, ${manifest.documents} documents; parseAllDocuments+toJS: ${fmt(parseMs)} ms warm, ${fmt(coldParseMs)} ms in a fresh process`);
    const row = { lines: manifest.lineCount, parseMs, coldParseMs, results: {} };
    for (const id of servers) {
      console.error(`[bench]   ${SERVERS[id].label}...`);
      row.results[id] = await measureServer(SERVERS[id], pathToFileURL(file).href, manifest);
      console.error(`[bench]   ${SERVERS[id].label}: ${JSON.stringify(summaryOf(row.results[id]))}`);
    }
    rows.push(row);
  }
  if (servers.includes('ours') && args.crafted !== 'no') {
    console.error('\n[bench] crafted worst cases, ours');
    craftedRows = await measureCrafted(SERVERS.ours, workDir);
  }
  if (servers.includes('ours') && args.compose !== 'no') {
    console.error('\n[bench] a 2,000-line Compose file, ours');
    composeRow = await measureCompose(SERVERS.ours, workDir, { edits: Number(args['compose-edits'] ?? 200), requests: requestCount });
  }
  if (servers.includes('ours') && args.kustomize !== 'no') {
    console.error('\n[bench] kustomize overlay, ours');
    kustomizeRow = await measureKustomize(SERVERS.ours, workDir, editCount);
  }
  const workspaceFiles = Number(args['workspace-files'] ?? 5000);
  if (servers.includes('ours') && workspaceFiles > 0) {
    console.error(`\n[bench] a workspace of ${workspaceFiles} files, ours`);
    workspaceRow = await measureWorkspace(SERVERS.ours, workDir, { files: workspaceFiles, edits: editCount, cliServer: path.join(root, 'server', 'out', 'cli.js') });
  }
} finally {
  fs.rmSync(workDir, { recursive: true, force: true });
}

const table = renderTable(rows) + (craftedRows.length ? `\n${renderCrafted(craftedRows, fmt)}` : '') + (composeRow ? `\n\n${renderCompose(composeRow, fmt)}` : '') + (kustomizeRow ? `\n\n${renderKustomize(kustomizeRow, fmt)}` : '') + (workspaceRow ? `\n\n${renderWorkspace(workspaceRow, fmt)}` : '');
console.log(table);
if (args.markdown) fs.writeFileSync(path.resolve(args.markdown), `${table}\n`);

/** Median of five (after a warm-up): parse the whole file once with `yaml`, as a server that re-parses everything must. */
function measureParse(text) {
  for (const document of parseAllDocuments(text)) document.toJS();
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    for (const document of parseAllDocuments(text)) document.toJS();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

/**
 * The same parse as the first thing a fresh Node process does: what a server that just started pays for its
 * first parse too (no JIT warm-up), so it is the like-for-like baseline of open → diagnostics.
 */
function measureColdParse(file) {
  const script = `const { performance } = require('node:perf_hooks'); const fs = require('node:fs'); const { parseAllDocuments } = require(${JSON.stringify(path.join(root, 'node_modules', 'yaml'))});
const text = fs.readFileSync(${JSON.stringify(file)}, 'utf8'); const t0 = performance.now();
for (const document of parseAllDocuments(text)) document.toJS();
process.stdout.write(String(performance.now() - t0));`;
  const times = [];
  for (let i = 0; i < 3; i++) {
    const run = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    times.push(Number(run.stdout));
  }
  return percentile(times, 50);
}

async function measureServer(server, uri, manifest) {
  const client = new BenchClient(server.label, server.command, server.configuration);
  const result = { startupMs: NaN, openMs: NaN, edits: [], completions: [], hovers: [], hoverHits: 0, completionItems: 0, completionErrors: 0, peakRssMiB: NaN, error: undefined };
  try {
    result.startupMs = await client.initialize(pathToFileURL(path.dirname(fileURLToPath(uri))).href);
    // Let the server finish what initialized starts (configuration fetch, registrations) before timing.
    await new Promise((resolve) => setTimeout(resolve, 300));

    let version = 1;
    const opened = client.nextDiagnostics(uri, (p) => !server.versioned || p.version === version);
    const openAt = performance.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text: manifest.text } });
    result.openMs = (await opened).at - openAt;

    // One-character edits inside a container: type a character at the end of the image value, delete it, ...
    for (let i = 0; i < editCount; i++) {
      version++;
      const typed = i % 2 === 0;
      const at = manifest.edit;
      const range = typed
        ? { start: at, end: at }
        : { start: at, end: { line: at.line, character: at.character + 1 } };
      const published = client.nextDiagnostics(uri, (p) => !server.versioned || p.version === version);
      const t0 = performance.now();
      await client.notify('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ range, text: typed ? '1' : '' }],
      });
      result.edits.push((await published).at - t0);
    }

    for (let i = 0; i < requestCount; i++) {
      const t0 = performance.now();
      try {
        const list = await client.request('textDocument/completion', { textDocument: { uri }, position: manifest.completion });
        result.completions.push(performance.now() - t0);
        const items = Array.isArray(list) ? list : list?.items ?? [];
        result.completionItems = items.length;
      } catch {
        // Completion may not be implemented yet: count the failure, the timing of an error is not a completion.
        result.completionErrors++;
      }
    }
    for (let i = 0; i < requestCount; i++) {
      const t0 = performance.now();
      try {
        const answer = await client.request('textDocument/hover', { textDocument: { uri }, position: manifest.hover });
        result.hovers.push(performance.now() - t0);
        if (answer) result.hoverHits++;
      } catch {
        // As for completion.
      }
    }
    result.peakRssMiB = client.peakRssMiB();
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
    console.error(`[bench]   ${server.label} failed: ${result.error}\n${client.stderr.slice(-2000)}`);
  } finally {
    await client.stop();
  }
  return result;
}

function summaryOf(r) {
  return {
    startupMs: round(r.startupMs),
    openMs: round(r.openMs),
    editP50: round(percentile(r.edits, 50)),
    editP95: round(percentile(r.edits, 95)),
    completionP50: round(percentile(r.completions, 50)),
    completionP95: round(percentile(r.completions, 95)),
    completionItems: r.completionItems,
    completionErrors: r.completionErrors,
    hoverP50: round(percentile(r.hovers, 50)),
    hoverHits: r.hoverHits,
    peakRssMiB: round(r.peakRssMiB),
    error: r.error,
  };
}

function renderTable(rows) {
  const ours = servers.includes('ours');
  const peer = servers.includes('peer');
  const out = [];
  out.push(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}; ${editCount} edits, ${requestCount} completion and hover requests per file.`);
  out.push('');
  const metrics = [
    ['server start-up (spawn → initialize result)', (r) => r.startupMs, 'ms'],
    ['open → diagnostics', (r) => r.openMs, 'ms'],
    ['edit → diagnostics p50', (r) => percentile(r.edits, 50), 'ms'],
    ['edit → diagnostics p95', (r) => percentile(r.edits, 95), 'ms'],
    ['completion p50', (r) => percentile(r.completions, 50), 'ms'],
    ['completion p95', (r) => percentile(r.completions, 95), 'ms'],
    ['hover p50', (r) => percentile(r.hovers, 50), 'ms'],
    ['peak RSS (VmHWM)', (r) => r.peakRssMiB, 'MiB'],
  ];
  const columns = [ours && 'sidecar (ours)', peer && 'yaml-language-server', ours && peer && 'ours / peer'].filter(Boolean);
  const line = (label, name, cells) => out.push(`| ${label} | ${name} | ${[...cells, ...Array(columns.length - cells.length).fill('')].join(' | ')} |`);
  out.push(`| file | metric | ${columns.join(' | ')} |`);
  out.push(`|---|---|${columns.map(() => '---:|').join('')}`);
  for (const row of rows) {
    const label = `${row.lines.toLocaleString('en-US')} lines`;
    line(label, 'parse whole file once in the bench process, warm (parseAllDocuments + toJS)', [`${fmt(row.parseMs)} ms`]);
    line(label, 'parse whole file once in a fresh process, cold (parseAllDocuments + toJS)', [`${fmt(row.coldParseMs)} ms`]);
    if (ours) {
      const open = row.results.ours.openMs;
      line(label, 'ours: open → diagnostics ÷ parse once (warm / cold)', [`${fmt(open / row.parseMs)}× / ${fmt(open / row.coldParseMs)}×`]);
    }
    for (const [name, pick, unit] of metrics) {
      const a = ours ? pick(row.results.ours) : NaN;
      const b = peer ? pick(row.results.peer) : NaN;
      const cells = [];
      if (ours) cells.push(`${fmt(a)} ${unit}`);
      if (peer) cells.push(`${fmt(b)} ${unit}`);
      if (ours && peer) cells.push(Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(a / b < 0.1 ? 3 : 2)}` : 'n/a');
      line(label, name, cells);
    }
    const items = servers.map((id) => `${row.results[id].completionItems} items${row.results[id].completionErrors ? `, ${row.results[id].completionErrors} failed` : ''}`);
    line(label, 'completion items returned', items);
    line(label, 'hovers that returned content', servers.map((id) => `${row.results[id].hoverHits} of ${requestCount}`));
    for (const id of servers) if (row.results[id].error) line(label, `error (${id})`, [row.results[id].error]);
  }
  return out.join('\n');
}


function fmt(value) {
  if (!Number.isFinite(value)) return 'n/a';
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

function round(value) {
  return Number.isFinite(value) ? Math.round(value * 100) / 100 : null;
}

function parseArgs(argv) {
  const result = {};
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([a-z-]+)(?:=(.*))?$/.exec(argv[i]);
    if (!match) fail(`unexpected argument ${argv[i]}`);
    result[match[1]] = match[2] ?? argv[++i];
  }
  return result;
}

function fail(message) {
  console.error(`[bench] ${message}`);
  process.exit(2);
}
