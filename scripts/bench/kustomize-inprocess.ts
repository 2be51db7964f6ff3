// For `npm run bench` and profiling: the kustomize row's edits in-process, without the LSP connection. The overlay
// of scripts/bench/kustomize.mjs (20 resources, 5 patches) is written to a temporary folder; the patch is opened
// (first check: the tree is resolved, rendered and checked) and then edited one character at a time, each version
// parsed and validated by the core through one KustomizeCache, as the validation thread does it. Wall and CPU time
// per edit (process.cpuUsage: on a loaded machine wall time mostly measures waiting). Prints JSON.
//   node --import tsx scripts/bench/kustomize-inprocess.ts [edits=200] [profile.cpuprofile]
// With a second argument, a CPU profile of the edits alone (not the open) is written there (node:inspector).
import fs from 'node:fs';
import { Session } from 'node:inspector/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createLanguageService } from '../../server/src/core/language-service';
import { ManifestParser } from '../../server/src/core/parse/manifest';
import { defaultSettings } from '../../server/src/core/settings';
import { KustomizeCache } from '../../server/src/core/features/kustomize/cache';
import { diskHost, posixPath } from '../../server/src/disk-host';
import { writeOverlay } from './kustomize.mjs';
import { percentile } from './stats.mjs';

const edits = Number(process.argv[2] ?? 200);
const profile = process.argv[3];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-kustomize-'));

async function main(): Promise<void> {
  const { edited, text: initial, edit } = writeOverlay(dir);
  const service = createLanguageService();
  const settings = defaultSettings();
  const cache = new KustomizeCache();
  const target = posixPath(edited);
  const uri = pathToFileURL(edited).href;
  let text = initial;
  const context = { path: target, root: posixPath(dir), host: diskHost((file) => (file === target ? text : undefined)), cache };
  const parser = new ManifestParser();
  const at = text.split('\n').slice(0, edit.line).reduce((sum, line) => sum + line.length + 1, 0) + edit.character;
  const t0 = performance.now();
  const openFindings = service.validate(parser.parse(text), settings, context, uri).length;
  const openMs = performance.now() - t0;
  const wall: number[] = [];
  const cpu: number[] = [];
  let findings = openFindings;
  const session = profile ? new Session() : undefined;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.setSamplingInterval', { interval: 200 });
    await session.post('Profiler.start');
  }
  for (let i = 0; i < edits; i++) {
    text = i % 2 === 0 ? `${text.slice(0, at)}1${text.slice(at)}` : text.slice(0, at) + text.slice(at + 1);
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    cache.invalidate(target);
    findings = service.validate(parser.parse(text), settings, context, uri).length;
    wall.push(performance.now() - w0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  if (session) fs.writeFileSync(profile as string, JSON.stringify((await session.post('Profiler.stop')).profile));
  const summary = (samples: number[]) => ({ p50: percentile(samples, 50), p90: percentile(samples, 90), p95: percentile(samples, 95), max: Math.max(...samples) });
  process.stdout.write(JSON.stringify({ openMs, openFindings, findings, renders: cache.renders, edits, wall: summary(wall), cpu: summary(cpu) }) + '\n');
}

main().finally(() => fs.rmSync(dir, { recursive: true, force: true }));
