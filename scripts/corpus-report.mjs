// Runs every rule over a folder of manifests and prints how often each fired, to read findings for false
// positives. Usage: node --import tsx scripts/corpus-report.mjs [dir] [--show <rule-id>[,<rule-id>]] [--version 1.33]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createLanguageService } from '../server/src/core/language-service.ts';
import { parseManifest } from '../server/src/core/parse/manifest.ts';
import { defaultSettings } from '../server/src/core/settings.ts';

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args.splice(at, 2)[1] : undefined;
};
const show = new Set((option('--show') ?? '').split(',').filter(Boolean));
const version = option('--version') ?? '1.34';
const root = args[0] ?? '/work/shared/corpus/kubernetes-examples';

const service = createLanguageService();
const settings = defaultSettings({ kubernetesVersion: version });
const counts = new Map(service.rules.map((rule) => [rule.id, 0]));
let files = 0;
let documents = 0;
for (const file of walk(root)) {
  files++;
  const text = fs.readFileSync(file, 'utf8');
  const manifest = parseManifest(text);
  documents += manifest.slots.length;
  for (const finding of service.validator.validate(manifest, settings)) {
    if (!counts.has(finding.code)) continue;
    counts.set(finding.code, counts.get(finding.code) + 1);
    if (show.has(finding.code) || show.has('all')) {
      const { line, character } = manifest.lineIndex.positionAt(finding.start);
      console.log(`${path.relative(root, file)}:${line + 1}:${character + 1} ${finding.severity} ${finding.code} [${text.slice(finding.start, finding.end)}] ${finding.message}`);
    }
  }
}
console.log(`${files} files, ${documents} documents, Kubernetes ${version}`);
for (const [id, count] of counts) console.log(`${String(count).padStart(5)}  ${id}`);

function* walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (/\.ya?ml$/.test(entry.name)) yield full;
  }
}
