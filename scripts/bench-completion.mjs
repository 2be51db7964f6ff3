#!/usr/bin/env node
// Completion and hover latency on a generated multi-document file (default 10,000 lines), as an editor sees it:
// each sample edits one line of one document (typing `volu` inside a container, then a value), re-parses the file
// with the same ManifestParser (unchanged documents are reused) and asks for completion at the cursor.
// Usage: node scripts/bench-completion.mjs [--lines 10000] [--samples 200] [--json]
// Also importable: `const { benchCompletion } = await import('./bench-completion.mjs')` for the bench suite.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const load = (path) => tsImport(path, import.meta.url);

/** A Deployment with an app and a native log-shipper sidecar: ~60 lines. */
function deployment(i) {
  return `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  labels:
    app: web-${i}
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      initContainers:
        - name: log-shipper
          image: fluent/fluent-bit:4.0.3
          restartPolicy: Always
          resources:
            requests:
              cpu: 50m
              memory: 64Mi
            limits:
              memory: 128Mi
          volumeMounts:
            - name: logs
              mountPath: /var/log/app
              readOnly: true
      containers:
        - name: app
          image: nginx:1.27.5
          ports:
            - name: http
              containerPort: 8080
          readinessProbe:
            httpGet:
              path: /
              port: http
          resources:
            requests:
              cpu: 100m
              memory: 128Mi
            limits:
              memory: 256Mi
          volumeMounts:
            - name: logs
              mountPath: /var/log/app
      volumes:
        - name: logs
          emptyDir:
            sizeLimit: 256Mi
`;
}

function generate(lines) {
  const docs = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const doc = deployment(i);
    docs.push(doc);
    count += doc.split('\n').length;
  }
  return docs.join('---\n');
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function stats(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const round = (n) => Math.round(n * 100) / 100;
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) };
}

export async function benchCompletion({ lines = 10000, samples = 200 } = {}) {
  const { createLanguageService } = await load('../server/src/core/language-service.ts');
  const { ManifestParser } = await load('../server/src/core/parse/manifest.ts');
  const { complete } = await load('../server/src/core/features/completion/index.ts');
  const { hover } = await load('../server/src/core/features/hover.ts');
  const { defaultSettings } = await load('../server/src/core/settings.ts');
  const service = createLanguageService();
  const settings = defaultSettings();
  const base = generate(lines);
  const parser = new ManifestParser();
  let file = parser.parse(base);
  // Warm up: schemas, validators of the kinds, JIT; and the first diagnostics of the file, as on open.
  service.validator.validate(file, settings);
  const anchor = '          image: nginx:1.27.5\n';
  const anchors = [];
  for (let at = base.indexOf(anchor); at >= 0; at = base.indexOf(anchor, at + 1)) anchors.push(at + anchor.length);
  const keyTimes = [];
  const keystrokeTimes = [];
  const valueTimes = [];
  const hoverTimes = [];
  let items = 0;
  for (let s = 0; s < samples + 20; s++) {
    const at = anchors[(s * 7919) % anchors.length];
    // The user types `          volu` on a new line: a keystroke re-parses the changed document only.
    const typed = `          volu${'m'.repeat(s % 2)}`;
    const text = `${base.slice(0, at)}${typed}\n${base.slice(at)}`;
    const t0 = performance.now();
    file = parser.parse(text);
    const t1 = performance.now();
    const list = complete(service, file, at + typed.length, settings);
    const t2 = performance.now();
    items = list.items.length;
    // A value: `imagePullPolicy: ` (enum) in the same place.
    const valueText = `${base.slice(0, at)}          imagePullPolicy: \n${base.slice(at)}`;
    const valueFile = parser.parse(valueText);
    const t3 = performance.now();
    complete(service, valueFile, at + '          imagePullPolicy: '.length, settings);
    const t4 = performance.now();
    hover(service, valueFile, at - anchor.length + 11, settings);
    const t5 = performance.now();
    if (s >= 20) {
      keyTimes.push(t2 - t1);
      keystrokeTimes.push(t2 - t0);
      valueTimes.push(t4 - t3);
      hoverTimes.push(t5 - t4);
    }
  }
  if (items === 0) throw new Error('completion returned no items: the benchmark measures nothing');
  return {
    lines: base.split('\n').length,
    documents: file.slots.length,
    samples,
    completionKeyMs: stats(keyTimes),
    keystrokeParseAndCompleteMs: stats(keystrokeTimes),
    completionValueMs: stats(valueTimes),
    hoverMs: stats(hoverTimes),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const arg = (name, fallback) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : fallback;
  };
  const result = await benchCompletion({ lines: arg('--lines', 10000), samples: arg('--samples', 200) });
  if (process.argv.includes('--json')) console.log(JSON.stringify(result));
  else {
    console.log(`${result.lines} lines, ${result.documents} documents, ${result.samples} samples`);
    for (const [name, s] of Object.entries(result)) if (typeof s === 'object') console.log(`${name.padEnd(30)} p50 ${s.p50} ms  p95 ${s.p95} ms  max ${s.max} ms`);
  }
}
