// For `npm run bench`: the Compose row's edits in-process, without the LSP connection: each edit parsed
// (incrementally, parse/incremental.ts) and validated by the core as the server does it, beside a full parse and a
// full validation of the same text. Wall time and CPU time (process.cpuUsage: every thread, so GC work counts, and
// time the process waits for a core on a busy machine does not). Prints JSON.
// `--alone`: only the edits (no full parse beside each one, whose garbage the next edit's collection pays for),
// as the server runs them; with `--cpu-prof` that profiles just the edit path.
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../../server/src/core/language-service';
import { ManifestParser, parseManifest } from '../../server/src/core/parse/manifest';
import { defaultSettings } from '../../server/src/core/settings';
import { composeEdit, generateCompose } from './compose-rows.mjs';
import { percentile } from './stats.mjs';

const args = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
const alone = process.argv.includes('--alone');
const lines = Number(args[0] ?? 2000);
const edits = Number(args[1] ?? 50);
const compose = generateCompose(lines);
const fileName = 'file:///bench/compose.yaml';
const settings = defaultSettings({ kubernetesVersion: '1.34' });
const service = createLanguageService();
const parser = new ManifestParser();
const lineStarts = [0];
for (let i = 0; i < compose.text.length; i++) if (compose.text.charCodeAt(i) === 10) lineStarts.push(i + 1);
const offset = (at: { line: number; character: number }) => lineStarts[at.line] + at.character;
let text = compose.text;
let file = parser.parse(text);
service.validate(file, settings, undefined, fileName);
const fresh = createLanguageService();
fresh.validate(parseManifest(text), settings, undefined, fileName);
const result = { edits: [] as number[], cpu: [] as number[], parses: [] as number[], fullParses: [] as number[], fullValidations: [] as number[], incremental: 0 };
for (let i = 0; i < edits; i++) {
  // Edits keep every line but the edited one as it is, so the positions hold.
  const { range, text: typed } = composeEdit(compose, i);
  text = text.slice(0, offset(range.start)) + typed + text.slice(offset(range.end));
  const tree = file.slots[0].document.yaml;
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  file = parser.parse(text);
  const t1 = performance.now();
  service.validate(file, settings, undefined, fileName);
  result.edits.push(performance.now() - t0);
  const used = process.cpuUsage(cpu);
  result.cpu.push((used.user + used.system) / 1000);
  result.parses.push(t1 - t0);
  if (file.slots[0].document.yaml === tree) result.incremental++;
  if (alone) continue;
  const t2 = performance.now();
  const full = parseManifest(text);
  const t3 = performance.now();
  fresh.validate(full, settings, undefined, fileName);
  result.fullParses.push(t3 - t2);
  result.fullValidations.push(performance.now() - t2);
}
const summary = (samples: number[]) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95), p99: percentile(samples, 99) });
process.stdout.write(
  JSON.stringify({
    edit: summary(result.edits),
    cpu: summary(result.cpu),
    parse: summary(result.parses),
    fullParse: summary(result.fullParses),
    fullValidation: summary(result.fullValidations),
    incremental: result.incremental,
    edits,
    alone,
  }),
);
