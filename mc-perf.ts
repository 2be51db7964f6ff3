import { createLanguageService } from './server/src/core/language-service';
import { parseManifest, ManifestParser } from './server/src/core/parse/manifest';
import { defaultSettings } from './server/src/core/settings';
import { WorkspaceIndex } from './server/src/core/workspace/index/workspace-index';
const doc = (i: number) => `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web-${i}\nspec:\n  selector: {matchLabels: {app: web}}\n  template:\n    metadata: {labels: {app: web}}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.${i % 9}\n          ports: [{containerPort: 80}]\n        - name: shipper\n          image: fluent/fluent-bit:3.1\n      volumes: [{name: logs, emptyDir: {}}]\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata: {a: b}\n`;
const text = Array.from({ length: 500 }, (_, i) => doc(i)).join('---\n');
const service = createLanguageService();
const settings = defaultSettings();
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const cold: number[] = []; const edits: number[] = [];
for (let r = 0; r < 5; r++) {
  const index = new WorkspaceIndex();
  const file = parseManifest(text);
  index.set('a.yaml', file);
  let t = cpu(); service.validate(file, { ...settings, kubernetesVersion: r % 2 ? '1.33' : '1.34' }, undefined, 'a.yaml', { workspace: index }); cold.push(cpu() - t);
}
const index = new WorkspaceIndex();
const parser = new ManifestParser();
let file = parser.parse(text); index.set('a.yaml', file);
service.validate(file, settings, undefined, 'a.yaml', { workspace: index });
for (let r = 0; r < 60; r++) {
  const edited = text.replace('nginx:1.27.0', `nginx:1.27.${r}`);
  const t = cpu();
  file = parser.parse(edited); index.set('a.yaml', file);
  service.validate(file, settings, undefined, 'a.yaml', { workspace: index });
  edits.push(cpu() - t);
}
const med = (a: number[]) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
console.log(`cold validate median ${med(cold).toFixed(1)} ms CPU, edit median ${med(edits).toFixed(2)} ms CPU`);
