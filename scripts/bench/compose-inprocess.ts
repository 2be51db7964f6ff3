// For `npm run bench`: the Compose row's edits in-process, without the LSP connection: each edit parsed
// (incrementally, parse/incremental.ts) and validated by the core as the server does it, beside a full parse and a
// full validation of the same text. Prints JSON.
import { performance } from 'node:perf_hooks';
import { createLanguageService } from '../../server/src/core/language-service';
import { ManifestParser, parseManifest } from '../../server/src/core/parse/manifest';
import { defaultSettings } from '../../server/src/core/settings';
import { generateCompose } from './compose-rows.mjs';
import { percentile } from './stats.mjs';

const lines = Number(process.argv[2] ?? 2000);
const edits = Number(process.argv[3] ?? 50);
const compose = generateCompose(lines);
const fileName = 'file:///bench/compose.yaml';
const settings = defaultSettings({ kubernetesVersion: '1.34' });
const service = createLanguageService();
const parser = new ManifestParser();
const lineStarts = compose.text.split('\n').slice(0, compose.edit.line);
const at = lineStarts.reduce((sum, line) => sum + line.length + 1, 0) + compose.edit.character;
let text = compose.text;
let file = parser.parse(text);
service.validate(file, settings, undefined, fileName);
const fresh = createLanguageService();
fresh.validate(parseManifest(text), settings, undefined, fileName);
const result = { edits: [] as number[], parses: [] as number[], fullParses: [] as number[], fullValidations: [] as number[], incremental: 0 };
for (let i = 0; i < edits; i++) {
  text = i % 2 === 0 ? `${text.slice(0, at)}1${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
  const tree = file.slots[0].document.yaml;
  const t0 = performance.now();
  file = parser.parse(text);
  const t1 = performance.now();
  service.validate(file, settings, undefined, fileName);
  result.edits.push(performance.now() - t0);
  result.parses.push(t1 - t0);
  if (file.slots[0].document.yaml === tree) result.incremental++;
  const t2 = performance.now();
  const full = parseManifest(text);
  const t3 = performance.now();
  fresh.validate(full, settings, undefined, fileName);
  result.fullParses.push(t3 - t2);
  result.fullValidations.push(performance.now() - t2);
}
const summary = (samples: number[]) => ({ p50: percentile(samples, 50), p95: percentile(samples, 95) });
process.stdout.write(
  JSON.stringify({
    edit: summary(result.edits),
    parse: summary(result.parses),
    fullParse: summary(result.fullParses),
    fullValidation: summary(result.fullValidations),
    incremental: result.incremental,
    edits,
  }),
);
