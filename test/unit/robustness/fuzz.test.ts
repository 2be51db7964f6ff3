import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { ManifestParser } from '../../../server/src/core/parse/manifest';
import { defaultSettings, SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/core/settings';
import { fixturesDir, prng, repoRoot } from '../helpers';
import { runWholeCore } from './run-core';

// Replay a failure with FUZZ_SEED=<seed> (and FUZZ_CASES=<n>); the seed is printed on every run.
const DEFAULT_SEED = 20261122;
const seed = Number(process.env.FUZZ_SEED ?? DEFAULT_SEED) >>> 0;
const caseCount = Number(process.env.FUZZ_CASES ?? 1500);
/** The whole test stays well under a minute even on a slow, busy machine; it stops early and says so. */
const BUDGET_MS = Number(process.env.FUZZ_BUDGET_MS ?? 40_000);

type Random = ReturnType<typeof prng>;
const int = (random: Random, n: number) => Math.floor(random() * n);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

const UNICODE = ['é', 'ß', '日本', '🚀', '\u200B', '\u202E', '\uD800', '\uDFFF', '\u0085', '\u2028', '\uFEFF', 'ﬁ', '\u0301'];
const TYPE_FLIPS = ['[]', '{}', 'null', '~', '- x', '"str"', '123', '-1.5e9', 'true', '&anchor', '*anchor', '!!binary AAAA', '|', '>-', '? key', '{a: [b, {c: d}]}', "'", '"', '{{ .Values.x }}'];
/** Names Object.prototype has: a manifest string that indexes a plain object table would find these. */
const PROTOTYPE_NAMES = ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf', '__defineGetter__', 'prototype'];
const FRAGMENTS = [':', '- ', '#', '---', '...', '  ', '\t', '\r\n', '\r', '&a ', '*a', '!tag ', '%YAML 1.2', '? ', '[', ']', '{', '}', ',', '"', "'", '|+', '@', '`'];

/** One mutation of a manifest's lines, chosen and placed by the PRNG. */
function mutate(random: Random, text: string): string {
  const lines = text.split('\n');
  const at = int(random, Math.max(1, lines.length));
  switch (int(random, 12)) {
    case 0: // delete a line
      lines.splice(at, 1);
      break;
    case 1: // duplicate a line
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2: {
      // swap two lines
      const other = int(random, lines.length);
      [lines[at], lines[other]] = [lines[other], lines[at]];
      break;
    }
    case 3: {
      // change indentation
      const line = lines[at] ?? '';
      const delta = pick(random, [-4, -2, -1, 1, 2, 3, 8]);
      lines[at] = delta < 0 ? line.replace(new RegExp(`^ {0,${-delta}}`), '') : `${' '.repeat(delta)}${line}`;
      break;
    }
    case 4: // truncate the file
      return text.slice(0, int(random, text.length + 1));
    case 5: {
      // random bytes (control characters included)
      const offset = int(random, text.length + 1);
      const bytes = Array.from({ length: 1 + int(random, 6) }, () => String.fromCharCode(int(random, 256))).join('');
      return text.slice(0, offset) + bytes + text.slice(offset);
    }
    case 6: {
      // unicode: astral, zero-width, bidi, lone surrogates, line separators
      const offset = int(random, text.length + 1);
      return text.slice(0, offset) + pick(random, UNICODE) + text.slice(offset);
    }
    case 7: {
      // flip the type of a value
      const line = lines[at] ?? '';
      const colon = line.indexOf(': ');
      lines[at] = colon >= 0 ? `${line.slice(0, colon + 2)}${pick(random, TYPE_FLIPS)}` : `${line}${pick(random, TYPE_FLIPS)}`;
      break;
    }
    case 8: {
      // YAML punctuation in a random place
      const offset = int(random, text.length + 1);
      return text.slice(0, offset) + pick(random, FRAGMENTS) + text.slice(offset);
    }
    case 9: {
      // move a block of lines elsewhere
      const length = 1 + int(random, 6);
      const block = lines.splice(at, length);
      lines.splice(int(random, lines.length + 1), 0, ...block);
      break;
    }
    case 10: {
      // a prototype name as the kind, as a key or as a value
      const name = pick(random, PROTOTYPE_NAMES);
      const line = lines[at] ?? '';
      const colon = line.indexOf(':');
      const where = int(random, 3);
      const kindLine = lines.findIndex((l) => l.startsWith('kind:'));
      if (where === 0) lines[kindLine >= 0 ? kindLine : at] = `kind: ${name}`;
      else if (where === 1 && colon >= 0) lines[at] = `${line.slice(0, line.length - line.trimStart().replace(/^- /, '').length)}${name}${line.slice(colon)}`;
      else lines[at] = colon >= 0 ? `${line.slice(0, colon + 1)} ${name}` : `${line}${name}`;
      break;
    }
    default: {
      // delete a span of characters
      const start = int(random, text.length + 1);
      return text.slice(0, start) + text.slice(start + int(random, 40));
    }
  }
  return lines.join('\n');
}

function summary(findings: readonly { code: string; start: number; end: number; message: string }[]): string[] {
  return findings.map((f) => `${f.start}-${f.end} ${f.code} ${f.message}`).sort();
}

function manifestFixtures(): { name: string; text: string }[] {
  const files = [
    ...fs.readdirSync(fixturesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)),
    ...fs.readdirSync(path.join(repoRoot, 'examples')).filter((n) => /\.ya?ml$/.test(n)).map((n) => path.join(repoRoot, 'examples', n)),
  ].sort();
  return files
    .map((file) => ({ name: path.relative(repoRoot, file), text: fs.readFileSync(file, 'utf8') }))
    .filter((f) => f.text.length < 200_000 && /^(apiVersion|kind)\s*:/m.test(f.text));
}

describe('fuzz: mutated manifests through the whole core', () => {
  it(`no exception escapes, ranges stay inside the text, reuse matches a fresh parse (seed ${seed})`, () => {
    console.log(`fuzz: seed ${seed} (replay with FUZZ_SEED=${seed} FUZZ_CASES=${caseCount})`);
    const fixtures = manifestFixtures();
    assert.ok(fixtures.length >= 10, 'enough fixture manifests to mutate');
    const service = createLanguageService();
    // Compile the schemas the fixtures use once, outside the per-case time limit.
    for (const fixture of fixtures) runWholeCore(service, new ManifestParser(), fixture.text, defaultSettings(), [0]);

    const started = performance.now();
    let ran = 0;
    let slowest = { ms: 0, index: -1 };
    for (let index = 0; index < caseCount; index++) {
      if (performance.now() - started > BUDGET_MS) break;
      const random = prng((seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0);
      const fixture = pick(random, fixtures);
      // Successive versions, as an editor sends them while someone types (or pastes) in the file.
      const versions = [fixture.text];
      const mutations = 1 + int(random, 4);
      for (let m = 0; m < mutations; m++) versions.push(mutate(random, versions[versions.length - 1]));
      const text = versions[versions.length - 1];
      const settings = defaultSettings({ kubernetesVersion: pick(random, SUPPORTED_KUBERNETES_VERSIONS) });
      const offsets = [int(random, text.length + 1), int(random, text.length + 1), text.length];
      const parser = new ManifestParser();
      const caseStart = performance.now();
      try {
        // Every earlier version through the same parser and validator first: the editor's path, with reuse.
        for (const version of versions.slice(0, -1)) service.validator.validate(parser.parse(version), settings);
        const { findings } = runWholeCore(service, parser, text, settings, offsets);
        for (const finding of findings) {
          if (!(finding.start >= 0 && finding.start <= finding.end && finding.end <= text.length)) {
            throw new Error(`finding ${finding.code} has a range outside the text: ${finding.start}-${finding.end} of ${text.length}`);
          }
        }
        // Reusing the parse of unchanged documents must give exactly what a parse from scratch gives.
        const fresh = service.validator.validate(new ManifestParser().parse(text), settings);
        assert.deepEqual(summary(findings), summary(fresh), 'incremental and fresh parses disagree');
      } catch (error) {
        const saved = path.join(os.tmpdir(), `sidecar-fuzz-${seed}-${index}.yaml`);
        fs.writeFileSync(saved, text);
        assert.fail(`case ${index} (seed ${seed}, from ${fixture.name}, input saved to ${saved}) threw: ${error instanceof Error ? error.stack : String(error)}`);
      }
      // Reported, not asserted: a time limit fails on a busy machine; linear-time.test.ts bounds growth by ratio.
      const elapsed = performance.now() - caseStart;
      if (elapsed > slowest.ms) slowest = { ms: elapsed, index };
      ran++;
    }
    console.log(`fuzz: ${ran} cases from ${fixtures.length} fixtures in ${((performance.now() - started) / 1000).toFixed(1)} s; slowest case ${slowest.index} took ${slowest.ms.toFixed(0)} ms`);
    assert.ok(ran >= Math.min(caseCount, 50), `at least 50 cases ran (${ran})`);
  });
});
