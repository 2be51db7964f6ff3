// The benchmark's workspace rows (issue 13): a generated workspace of many small manifest files (a Deployment
// with a native log shipper, its Service, its ConfigMap and ServiceAccount, one kind per file, referencing each
// other across files), measured against the parse floor: reading and parsing the same files once in one process
// (parseAllDocuments + toJS). Rows: the server's cold index (initialized → the `$/progress` end) and its memory
// then; cross-file diagnostics after an edit (an open Deployment's configMap name made dangling and back); the
// CLI over the first 1,000 files (one process, in wall time, against the floor of those files).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { BenchClient } from './lsp-client.mjs';
import { percentile } from './stats.mjs';

/** Four files per app: deployment, service, config, account; the config padded so files average ~3 KB. */
export function generateWorkspace(dir, files) {
  let bytes = 0;
  const apps = Math.ceil(files / 4);
  const padding = Array.from({ length: 190 }, (_, i) => `    key_${i} = value_${i}_${'x'.repeat(20)}`).join('\n');
  for (let i = 0; i < apps; i++) {
    const folder = path.join(dir, `team-${i % 50}`, `app-${i}`);
    fs.mkdirSync(folder, { recursive: true });
    const texts = {
      'deployment.yaml': deployment(i),
      'service.yaml': `apiVersion: v1\nkind: Service\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\nspec:\n  selector:\n    app: app-${i}\n  ports:\n    - name: http\n      port: 80\n      targetPort: http\n`,
      'config.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: config-${i}\n  namespace: team-${i % 50}\ndata:\n  fluent-bit.conf: |\n${padding}\n`,
      'account.yaml': `apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: app-${i}\n  namespace: team-${i % 50}\n`,
    };
    for (const [name, text] of Object.entries(texts).slice(0, Math.min(4, files - i * 4))) {
      fs.writeFileSync(path.join(folder, name), text);
      bytes += text.length;
    }
  }
  return { files, bytes, first: path.join(dir, 'team-0', 'app-0', 'deployment.yaml') };
}

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
  namespace: team-${i % 50}
spec:
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      serviceAccountName: app-${i}
      initContainers:
        - name: log-shipper
          image: fluent/fluent-bit:3.1.4
          restartPolicy: Always
          volumeMounts:
            - name: shipper-config
              mountPath: /fluent-bit/etc
          resources:
            requests: {cpu: 10m, memory: 32Mi}
            limits: {memory: 64Mi}
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.0.${i % 10}
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet: {path: /ready, port: http}
          resources:
            requests: {cpu: 100m, memory: 128Mi}
            limits: {memory: 256Mi}
      volumes:
        - name: shipper-config
          configMap:
            name: config-${i}
`;
}

function yamlFiles(dir) {
  return fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

/** The floor: read and parse every file once in this process (median of three after a warm-up), in ms. */
function parseFloor(files) {
  const once = () => {
    const start = performance.now();
    for (const file of files) for (const doc of parseAllDocuments(fs.readFileSync(file, 'utf8'))) doc.toJS();
    return performance.now() - start;
  };
  once();
  const runs = [once(), once(), once()].sort((a, b) => a - b);
  return runs[1];
}

/**
 * The cold floor: a fresh Node process reads and parses the files once (what the CLI, a fresh process too, pays
 * for the same parse before its JIT warms up), timed inside that process, in ms.
 */
function coldParseFloor(files) {
  const yaml = createRequire(import.meta.url).resolve('yaml');
  const script = `const fs=require('fs');const {parseAllDocuments}=require(${JSON.stringify(yaml)});const files=JSON.parse(fs.readFileSync(0,'utf8'));` +
    `const s=performance.now();for(const f of files)for(const d of parseAllDocuments(fs.readFileSync(f,'utf8')))d.toJS();process.stdout.write(String(performance.now()-s));`;
  const run = spawnSync(process.execPath, ['-e', script], { input: JSON.stringify(files), maxBuffer: 1 << 20 });
  return Number(run.stdout.toString());
}

function rssMiB(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return NaN;
  }
}

export async function measureWorkspace(server, workDir, { files = 5000, edits = 50, cliServer }) {
  const dir = path.join(workDir, 'workspace');
  const generated = generateWorkspace(dir, files);
  const all = yamlFiles(dir);
  const floorMs = parseFloor(all);
  const cliFiles = all.slice(0, 1000);
  const cliFloorMs = parseFloor(cliFiles);
  const cliColdFloorMs = coldParseFloor(cliFiles);

  const client = new BenchClient(server.label, server.command, server.configuration);
  const progress = [];
  const ended = new Promise((resolve) => {
    client.connection.onNotification('$/progress', (params) => {
      progress.push(params.value);
      if (params.value.kind === 'end') resolve(performance.now());
    });
  });
  const initialized = await initializeWithProgress(client, pathToFileURL(dir).href);
  const indexEnd = await ended;
  const memoryMiB = rssMiB(client.child.pid);

  // Edits: the open Deployment's configMap name, dangling and back; each time the diagnostics of that version.
  const uri = pathToFileURL(generated.first).href;
  const text = fs.readFileSync(generated.first, 'utf8');
  const opened = client.nextDiagnostics(uri, (p) => p.version === 1);
  await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  await opened;
  const times = [];
  let dangling = 0;
  for (let version = 2; version < edits + 2; version++) {
    const next = version % 2 === 0 ? text.replace('name: config-0\n', 'name: config-O\n') : text;
    const published = client.nextDiagnostics(uri, (p) => p.version === version);
    const start = performance.now();
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: next }] });
    const { params, at } = await published;
    times.push(at - start);
    if (params.diagnostics.some((d) => d.code === 'dangling-reference')) dangling++;
  }
  await client.stop();

  let cliMs = NaN;
  if (cliServer) {
    const start = performance.now();
    const run = spawnSync(process.execPath, [cliServer, '--format', 'json', ...cliFiles.map((f) => path.relative(dir, f))], { cwd: dir, maxBuffer: 1 << 30 });
    cliMs = performance.now() - start;
    if (run.status === 2) throw new Error(`sidecar-lint failed: ${run.stderr}`);
  }
  return {
    files: generated.files,
    megabytes: generated.bytes / 1024 / 1024,
    floorMs,
    indexMs: indexEnd - initialized,
    progressReports: progress.filter((p) => p.kind === 'report').length,
    memoryMiB,
    editP50: percentile(times, 50),
    editP95: percentile(times, 95),
    danglingEdits: dangling,
    edits,
    cliFiles: cliFiles.length,
    cliFloorMs,
    cliColdFloorMs,
    cliMs,
  };
}

/** initialize with window.workDoneProgress (the bench client's own initialize does not advertise it). */
async function initializeWithProgress(client, rootUri) {
  await client.connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      window: { workDoneProgress: true },
      workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
      textDocument: { publishDiagnostics: { versionSupport: true } },
    },
  });
  await client.connection.sendNotification('initialized', {});
  return performance.now();
}

export function renderWorkspace(row, fmt) {
  return [
    `Workspace (issue 13): ${row.files} files, ${row.megabytes.toFixed(1)} MB, one kind per file with references across files`,
    '',
    '| measure | ours | floor (parse once, one process) | ratio |',
    '|---|---|---|---|',
    `| cold index, initialized → \`$/progress\` end (${row.progressReports} reports) | ${fmt(row.indexMs)} ms | ${fmt(row.floorMs)} ms | ${(row.indexMs / row.floorMs).toFixed(2)}× |`,
    `| server memory (RSS) after indexing | ${row.memoryMiB.toFixed(0)} MiB | | |`,
    `| cross-file diagnostics after an edit, p50 / p95 (${row.edits} edits, ${row.danglingEdits} dangling) | ${fmt(row.editP50)} / ${fmt(row.editP95)} ms | | |`,
    `| sidecar-lint over ${row.cliFiles} files (one process, wall time) | ${fmt(row.cliMs)} ms | ${fmt(row.cliFloorMs)} ms warm / ${fmt(row.cliColdFloorMs)} ms cold (a fresh process) | ${(row.cliMs / row.cliFloorMs).toFixed(2)}× / ${(row.cliMs / row.cliColdFloorMs).toFixed(2)}× |`,
  ].join('\n');
}
