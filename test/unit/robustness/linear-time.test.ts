import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { createLanguageService } from '../../../server/src/core/language-service';
import { ManifestParser } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { runWholeCore } from './run-core';
import { CRAFTED } from '../../../scripts/bench/crafted.mjs';

/**
 * Every per-document step is linear in its input. Each crafted text below once made a regex (or the parser's
 * duplicate-key check) take time proportional to the square of its length. The test measures, in this process,
 * (in CPU time) the whole core on the text at 100 KB and at 1 MB and asserts the growth: 10 times the input may cost at most
 * 15 times the time (quadratic would be 100 times). A ratio, not a time limit.
 */
const service = createLanguageService();
const settings = defaultSettings();
const MAX_RATIO = 15;
const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;

// A full garbage collection before each run, so no run pays for the garbage of the one before.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/**
 * CPU time of this process for one run of the whole core, in ms: other processes on a busy machine do not count,
 * as they would in wall-clock time.
 */
function cpuMs(crafted: { text: string; offsets: number[] }): number {
  collectGarbage();
  const before = process.cpuUsage();
  runWholeCore(service, new ManifestParser(), crafted.text, settings, crafted.offsets);
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

describe('linear time on crafted input', () => {
  // Warm the compiled schemas and the JIT on a small text so the first measurement is not the first run.
  for (const crafted of CRAFTED) cpuMs(crafted.make(10_000));

  for (const crafted of CRAFTED) {
    it(`${crafted.name}: 1 MB costs at most ${MAX_RATIO}x 100 KB`, () => {
      const small = crafted.make(SMALL);
      const large = crafted.make(LARGE);
      assert.ok(small.text.length >= SMALL * 0.9 && large.text.length >= LARGE * 0.9, `sizes ${small.text.length}, ${large.text.length}`);
      // The fastest of three at 100 KB against 1 MB once, and up to twice more while over (the minimum is the least
      // disturbed by other work). While the ratio is over, the whole pair is measured again, up to three pairs, and
      // the best ratio counts: a lucky fast 100 KB run (seen at 27 ms against a usual 45-65 ms, with other test
      // files on both cores) must not fail linear code, and quadratic code is near 100x in every pair.
      const attempts: string[] = [];
      let best = Infinity;
      for (let pair = 0; pair < 3 && best > MAX_RATIO; pair++) {
        const smallMs = Math.max(Math.min(cpuMs(small), cpuMs(small), cpuMs(small)), 1);
        let largeMs = cpuMs(large);
        for (let retry = 0; retry < 2 && largeMs / smallMs > MAX_RATIO; retry++) largeMs = Math.min(largeMs, cpuMs(large));
        best = Math.min(best, largeMs / smallMs);
        attempts.push(`100 KB: ${smallMs.toFixed(1)} ms, 1 MB: ${largeMs.toFixed(1)} ms: ${(largeMs / smallMs).toFixed(1)}x`);
      }
      assert.ok(best <= MAX_RATIO, `${attempts.join('; ')} (limit ${MAX_RATIO}x)`);
    });
  }
});
