// Runs every check over folders of manifests and prints how often each code fired, per severity, to read findings
// for false positives. All folders given are one workspace (references are checked across their files). Usage:
//   node --import tsx scripts/corpus-report.mjs [dir ...] [--show <code>[,<code>]|all|errors] [--version 1.33]
//   node --import tsx scripts/corpus-report.mjs [dir ...] --versions   (version findings per target 1.27…1.36)
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/core/language-service.ts';
import { parseManifest } from '../server/src/core/parse/manifest.ts';
import { defaultSettings, SUPPORTED_KUBERNETES_VERSIONS } from '../server/src/core/settings.ts';
import { WorkspaceIndex } from '../server/src/core/workspace/index/workspace-index.ts';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const flag = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? (args.splice(at, 1), true) : false;
};
const show = new Set((option('--show') ?? '').split(',').filter(Boolean));
const version = option('--version') ?? defaultSettings().kubernetesVersion;
const perVersion = flag('--versions');
const roots = args.length ? args : ['/work/shared/corpus'];
const VERSION_CODES = new Set(['field-not-in-version', 'field-behind-feature-gate', 'removed-api-version', 'api-version-not-served-yet']);

const service = createLanguageService();
const inputs = roots.flatMap((root) => [...walk(root)].map((file) => ({ root, file, text: fs.readFileSync(file, 'utf8') })));
const parsed = inputs.map((input) => ({ ...input, manifest: parseManifest(input.text) }));
const workspace = new WorkspaceIndex();
for (const { file, manifest } of parsed) workspace.set(file, manifest);

if (perVersion) {
  console.log(`${inputs.length} files; version findings per target (${[...VERSION_CODES].join(', ')})`);
  for (const target of SUPPORTED_KUBERNETES_VERSIONS) {
    const counts = new Map();
    let errors = 0;
    for (const { manifest } of parsed) {
      for (const finding of service.validator.validate(manifest, defaultSettings({ kubernetesVersion: target }), undefined, { cap: false })) {
        if (finding.severity === 'error') errors++;
        if (VERSION_CODES.has(finding.code)) counts.set(finding.code, (counts.get(finding.code) ?? 0) + 1);
      }
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    console.log(`${target}: ${total} version findings (${[...counts].map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}); ${errors} errors in all`);
  }
} else {
  const settings = defaultSettings({ kubernetesVersion: version });
  const counts = new Map();
  let documents = 0;
  for (const { root, file, text, manifest } of parsed) {
    documents += manifest.slots.length;
    for (const finding of service.validator.validate(manifest, settings, file, { cap: false, workspace })) {
      const key = `${finding.severity.padEnd(7)} ${finding.code}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
      if (show.has(finding.code) || show.has('all') || (show.has('errors') && finding.severity === 'error')) {
        const { line, character } = manifest.lineIndex.positionAt(finding.start);
        console.log(`${path.relative(root, file)}:${line + 1}:${character + 1} ${finding.severity} ${finding.code} [${text.slice(finding.start, finding.end)}] ${finding.message}`);
      }
    }
  }
  console.log(`${inputs.length} files, ${documents} documents, Kubernetes ${version}`);
  const rank = { error: 0, warning: 1, info: 2, hint: 3 };
  for (const [key, count] of [...counts].sort((a, b) => rank[a[0].trim().split(' ')[0]] - rank[b[0].trim().split(' ')[0]] || b[1] - a[1])) console.log(`${String(count).padStart(5)}  ${key}`);
}

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.ya?ml$/.test(entry.name)) yield full;
  }
}
