// The benchmark's kustomize rows: an overlay of 20 resources (10 Deployments, 10 Services) and 5 strategic-merge
// patches that add sidecars, written to a temporary folder. Our server opens one patch like an editor (open →
// diagnostics includes resolving and rendering the tree for the first time), then one-character edits in the
// patch (edit → diagnostics: the overlay is rendered again, the base's reads come from the cache). The cold
// resolution of the tree alone (read, parse, merge, no checks) is timed in a fresh process
// (scripts/bench/kustomize-resolve.ts), the first thing that process does.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { BenchClient } from './lsp-client.mjs';
import { percentile } from './stats.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const KUSTOMIZE_DEPLOYMENTS = 10;
export const KUSTOMIZE_PATCHES = 5;

function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  selector:
    matchLabels:
      app: app-${i}
  template:
    metadata:
      labels:
        app: app-${i}
    spec:
      containers:
        - name: app
          image: registry.example.com/app-${i}:1.${i}.0
          ports:
            - containerPort: 8080
          readinessProbe:
            httpGet:
              path: /healthz
              port: 8080
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: logs
              mountPath: /var/log/app
      volumes:
        - name: logs
          emptyDir: {}
`;
}

function service(i) {
  return `apiVersion: v1
kind: Service
metadata:
  name: app-${i}
spec:
  selector:
    app: app-${i}
  ports:
    - port: 80
      targetPort: 8080
`;
}

function patch(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-${i}
spec:
  template:
    spec:
      containers:
        - name: log-shipper
          image: fluent/fluent-bit:3.1.9
          resources:
            requests:
              cpu: 10m
              memory: 32Mi
            limits:
              memory: 32Mi
          volumeMounts:
            - name: logs
              mountPath: /var/log/app
              readOnly: true
`;
}

/** Writes base/ (one file per resource) and overlay/ (5 patches) under `dir`; returns the overlay and the patch to edit. */
export function writeOverlay(dir) {
  const base = path.join(dir, 'base');
  const overlay = path.join(dir, 'overlay');
  fs.mkdirSync(base, { recursive: true });
  fs.mkdirSync(overlay, { recursive: true });
  const resources = [];
  for (let i = 0; i < KUSTOMIZE_DEPLOYMENTS; i++) {
    fs.writeFileSync(path.join(base, `deployment-${i}.yaml`), deployment(i));
    fs.writeFileSync(path.join(base, `service-${i}.yaml`), service(i));
    resources.push(`deployment-${i}.yaml`, `service-${i}.yaml`);
  }
  fs.writeFileSync(path.join(base, 'kustomization.yaml'), `resources:\n${resources.map((r) => `  - ${r}\n`).join('')}`);
  const patches = [];
  for (let i = 0; i < KUSTOMIZE_PATCHES; i++) {
    fs.writeFileSync(path.join(overlay, `shipper-${i}.yaml`), patch(i));
    patches.push(`  - path: shipper-${i}.yaml\n`);
  }
  fs.writeFileSync(path.join(overlay, 'kustomization.yaml'), `resources:\n  - ../base\nnamespace: prod\npatches:\n${patches.join('')}`);
  const edited = path.join(overlay, 'shipper-0.yaml');
  const text = fs.readFileSync(edited, 'utf8');
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('image: fluent'));
  return { overlay, edited, text, edit: { line, character: lines[line].length } };
}


/**
 * @param {{ label: string, command: string[], configuration: (section: string) => unknown }} server
 * @returns {Promise<{ resources: number, patches: number, openMs: number, editP50: number, editP95: number, edits: number, coldResolveMs: number, warmResolveMs: number, findings: number, error?: string }>}
 */
export async function measureKustomize(server, workDir, editCount) {
  const dir = path.join(workDir, 'kustomize');
  const { overlay, edited, text, edit } = writeOverlay(dir);
  const result = { resources: 2 * KUSTOMIZE_DEPLOYMENTS, patches: KUSTOMIZE_PATCHES, openMs: NaN, editP50: NaN, editP95: NaN, edits: editCount, coldResolveMs: NaN, warmResolveMs: NaN, findings: 0 };
  const resolve = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, 'kustomize-resolve.ts'), overlay], { encoding: 'utf8' });
  try {
    const timing = JSON.parse(resolve.stdout);
    result.coldResolveMs = timing.coldMs;
    result.warmResolveMs = timing.warmMs;
    if (timing.resources !== result.resources) result.error = `the render has ${timing.resources} resources, not ${result.resources}`;
  } catch {
    result.error = `kustomize-resolve failed: ${resolve.stderr.slice(-500)}`;
  }
  const client = new BenchClient(server.label, server.command, server.configuration);
  try {
    await client.initialize(pathToFileURL(dir).href);
    await new Promise((resolveWait) => setTimeout(resolveWait, 300));
    const uri = pathToFileURL(edited).href;
    let version = 1;
    const opened = client.nextDiagnostics(uri, (p) => p.version === version);
    const t0 = performance.now();
    await client.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'yaml', version, text } });
    const first = await opened;
    result.openMs = first.at - t0;
    result.findings = first.params.diagnostics.length;
    const times = [];
    for (let i = 0; i < editCount; i++) {
      version++;
      const typed = i % 2 === 0;
      const range = typed ? { start: edit, end: edit } : { start: edit, end: { line: edit.line, character: edit.character + 1 } };
      const published = client.nextDiagnostics(uri, (p) => p.version === version);
      const start = performance.now();
      await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: typed ? '1' : '' }] });
      times.push((await published).at - start);
    }
    result.editP50 = percentile(times, 50);
    result.editP95 = percentile(times, 95);
  } catch (error) {
    result.error = error instanceof Error ? error.message : String(error);
  } finally {
    await client.stop();
  }
  return result;
}

/** Markdown rows, with the issue's targets (p95 ≤ 20 ms, cold ≤ 200 ms) beside the numbers. */
export function renderKustomize(r, fmt) {
  const out = [];
  out.push(`Kustomize overlay: ${r.resources} resources in the base, ${r.patches} strategic-merge patches; ${r.edits} one-character edits in one patch.`);
  out.push('');
  out.push('| metric | sidecar (ours) | target |');
  out.push('|---|---:|---:|');
  out.push(`| cold resolution of the tree (fresh process: read, parse, merge) | ${fmt(r.coldResolveMs)} ms | ≤ 200 ms |`);
  out.push(`| warm resolution of the tree (same process, again) | ${fmt(r.warmResolveMs)} ms | |`);
  out.push(`| open patch → diagnostics (fresh server, tree resolved and checked) | ${fmt(r.openMs)} ms | |`);
  out.push(`| edit patch → diagnostics p50 | ${fmt(r.editP50)} ms | |`);
  out.push(`| edit patch → diagnostics p95 | ${fmt(r.editP95)} ms | ≤ 20 ms |`);
  if (r.error) out.push(`| error | ${r.error} | |`);
  return out.join('\n');
}
