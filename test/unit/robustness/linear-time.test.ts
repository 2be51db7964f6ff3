import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { ManifestParser } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { runWholeCore } from './run-core';
import { CRAFTED } from '../../../scripts/bench/crafted.mjs';

/**
 * Every per-document step is linear in its input. Each crafted text below once made a regex (or the parser's
 * duplicate-key check) take time proportional to the square of its length. The test measures, in this process,
 * the whole core on the text at 100 KB and at 1 MB and asserts the growth: 10 times the input may cost at most
 * 15 times the time (quadratic would be 100 times). A ratio, not a time limit, so a busy machine slows both alike.
 */
const service = createLanguageService();
const settings = defaultSettings();
const MAX_RATIO = 15;
const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;

/** Fastest of `runs` (the minimum is the least disturbed by other processes and garbage collection). */
function fastest(crafted: { text: string; offsets: number[] }, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    runWholeCore(service, new ManifestParser(), crafted.text, settings, crafted.offsets);
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

describe('linear time on crafted input', () => {
  // Warm the compiled schemas and the JIT on a small text so the first measurement is not the first run.
  fastest(CRAFTED[0].make(10_000), 1);

  for (const crafted of CRAFTED) {
    it(`${crafted.name}: 1 MB costs at most ${MAX_RATIO}x 100 KB`, () => {
      const small = crafted.make(SMALL);
      const large = crafted.make(LARGE);
      assert.ok(small.text.length >= SMALL * 0.9 && large.text.length >= LARGE * 0.9, `sizes ${small.text.length}, ${large.text.length}`);
      const smallMs = Math.max(fastest(small, 5), 1);
      const largeMs = fastest(large, 2);
      const ratio = largeMs / smallMs;
      assert.ok(ratio <= MAX_RATIO, `100 KB: ${smallMs.toFixed(1)} ms, 1 MB: ${largeMs.toFixed(1)} ms: ${ratio.toFixed(1)}x (limit ${MAX_RATIO}x)`);
    });
  }
});
