import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import type { Budget } from '../../../server/src/core/features/validation';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings, normalizeSettings } from '../../../server/src/core/settings';

// The editor's time budget, made deterministic: a budget that runs out after a number of checks instead of after
// some milliseconds. The Validator asks it between documents and phases; what it left is named by checked-partly.

const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata:\n  name: web-${i}\nspec:\n  containers:\n  - name: app\n    image: nginx:1.27\n    bogus${i}: true\n`;
const TEXT = Array.from({ length: 6 }, (_, i) => `---\n${pod(i)}`).join('');
const settings = defaultSettings({ docsBaseUrl: 'https://example.test/docs/rules/' });

function countingBudget(checks: number): Budget & { stoppedAt?: number; asked: number } {
  const budget: Budget & { stoppedAt?: number; asked: number } = {
    description: `a budget of ${checks} checks`,
    asked: 0,
    exhausted: () => ++budget.asked > checks,
    stopped: (at) => (budget.stoppedAt = at),
  };
  return budget;
}

const strip = (findings: { code: string; start: number; message: string }[]) => findings.map((f) => [f.code, f.start, f.message]);

describe('time budget of a validation', () => {
  const full = createLanguageService().validate(parseManifest(TEXT), settings);

  it('a budget that never runs out changes nothing', () => {
    const budget = countingBudget(Infinity);
    assert.deepEqual(strip(createLanguageService().validate(parseManifest(TEXT), settings, undefined, undefined, { budget })), strip(full));
    assert.ok(budget.asked > 6, 'the budget is asked between documents and phases');
    assert.equal(budget.stoppedAt, undefined);
  });

  it('stops where it runs out, says so at the first document left, and goes on from there in the next call', () => {
    const service = createLanguageService();
    const file = parseManifest(TEXT);
    const first = service.validate(file, settings, undefined, undefined, { budget: countingBudget(150) });
    const notice = first.filter((f) => f.code === 'checked-partly');
    assert.equal(notice.length, 1);
    assert.equal(notice[0].severity, 'info');
    assert.equal(notice[0].href, 'https://example.test/docs/codes/checked-partly.md');
    assert.match(notice[0].message, /^Checked partly: a budget of 150 checks ran out here, so \d of the file's 6 documents were not checked to the end/);
    const at = notice[0].start;
    assert.ok(at > 0 && TEXT.startsWith('---\n', at), 'the notice sits at the start of a document');
    // Everything reported before the notice is what the full check reports there; nothing after it is made up.
    const before = first.filter((f) => f.code !== 'checked-partly');
    assert.ok(before.length > 0);
    for (const finding of before) assert.ok(full.some((f) => f.code === finding.code && f.start === finding.start), `${finding.code} at ${finding.start} is a finding of the full check`);

    // Rounds with the same small budget get further each time (checked documents are cached) and end complete.
    let result = first;
    let stoppedAt = at;
    for (let round = 0; round < 10 && result.some((f) => f.code === 'checked-partly'); round++) {
      const budget = countingBudget(150);
      result = service.validate(file, settings, undefined, undefined, { budget });
      if (budget.stoppedAt !== undefined) assert.ok(budget.stoppedAt > stoppedAt, 'each round gets further');
      stoppedAt = budget.stoppedAt ?? Infinity;
    }
    assert.deepEqual(strip(result), strip(full));
  });

  it('a single document larger than the budget stays checked partly, with what was found before the stop', () => {
    const service = createLanguageService();
    const file = parseManifest(pod(0));
    const once = service.validate(file, settings, undefined, undefined, { budget: countingBudget(3) });
    const again = service.validate(file, settings, undefined, undefined, { budget: countingBudget(3) });
    assert.deepEqual(strip(again), strip(once));
    assert.deepEqual(once.filter((f) => f.code === 'checked-partly').map((f) => [f.start, f.message.includes('the file was not checked to the end')]), [[0, true]]);
  });

  it('checked-partly: off drops the notice, not the budget', () => {
    const quiet = defaultSettings({ rules: { 'checked-partly': 'off' } });
    const result = createLanguageService().validate(parseManifest(TEXT), quiet, undefined, undefined, { budget: countingBudget(150) });
    assert.equal(result.some((f) => f.code === 'checked-partly'), false);
    assert.ok(result.length < full.length);
  });
});

describe('sidecar.validate.timeBudget', () => {
  it('takes milliseconds from 100 to 600,000 and drops anything else', () => {
    const budget = (value: unknown) => normalizeSettings({ validate: { enable: true, timeBudget: value } }).timeBudget;
    assert.deepEqual([budget(100), budget(5000), budget(600_000)], [100, 5000, 600_000]);
    assert.deepEqual([budget(99), budget(600_001), budget('5000'), budget(Number.NaN), budget(undefined)], [undefined, undefined, undefined, undefined, undefined]);
  });
});
