import assert from 'node:assert/strict';
import * as os from 'node:os';
import { describe, it } from 'node:test';
import { blocks, jsonChunks, lintText, type JsonReport, type SarifLog } from '../../../server/src/cli';
import { StreamLinter } from '../../../server/src/cli/stream';
import { MAX_FINDINGS_PER_FILE } from '../../../server/src/core/features/validation';
import { createLanguageService } from '../../../server/src/core/language-service';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { runCli } from './cli-io';

const service = createLanguageService();
const settings = defaultSettings();

/** `count` Pods, each with two unknown fields: two errors per document, and the default rules' findings. */
function manyFindings(count: number): string {
  const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: nginx:1.27\n      bogus: 1\n      other: 2\n';
  return Array.from({ length: count }, () => `---\n${pod}`).join('');
}

describe('JSON written in pieces is JSON.stringify(value, null, 2)', () => {
  const values: unknown[] = [
    null,
    1,
    'a "quoted"\nline',
    [],
    {},
    [1, [2, []], {}, { a: [] }],
    { a: undefined, b: () => 1, c: [undefined, 'x'], d: { e: { f: { g: [1, { h: 'i\nj' }] } } } },
    { files: [{ path: 'a.yaml', messages: [{ ruleId: 'x', data: { path: ['spec', 0] } }, { ruleId: 'y' }] }, { path: 'b', messages: [] }] },
  ];
  for (const [i, value] of values.entries()) {
    it(`value ${i}, at every depth of streaming`, () => {
      for (const levels of [0, 1, 2, 3, 4, 8]) assert.equal([...jsonChunks(value, levels)].join(''), JSON.stringify(value, null, 2));
    });
  }

  it('blocks joins pieces into blocks of about the size asked, losing nothing', () => {
    const pieces = Array.from({ length: 1000 }, (_, i) => `${i},`);
    const out = [...blocks(pieces, 100)];
    assert.equal(out.join(''), pieces.join(''));
    assert.ok(out.length > 10 && out.every((b) => b.length < 100 + 4));
  });
});

describe('the CLI reports every finding, whole file or streamed; the editor caps', () => {
  const text = manyFindings(800);

  it('the editor path keeps 1,000 and a too-many-problems notice', () => {
    const findings = service.validate(parseManifest(text), settings);
    assert.equal(findings.length, MAX_FINDINGS_PER_FILE + 1);
    assert.equal(findings[MAX_FINDINGS_PER_FILE].code, 'too-many-problems');
  });

  it('whole-text and streamed linting give the same uncapped findings', () => {
    const whole = lintText(service, text, settings).messages;
    assert.ok(whole.length > MAX_FINDINGS_PER_FILE, `${whole.length} findings`);
    assert.equal(whole.filter((m) => m.code === 'unknown-field').length, 1600);
    assert.ok(!whole.some((m) => m.code === 'too-many-problems'));
    const linter = new StreamLinter(service, settings);
    (linter as unknown as { streaming: boolean }).streaming = true;
    for (const piece of text.match(/[\s\S]{1,5000}/g) ?? []) linter.push(piece);
    assert.deepEqual(linter.end().messages, whole);
  });

  for (const format of ['json', 'sarif', 'text'] as const) {
    it(`--format ${format} writes the report in blocks of about 1 MB, all of it`, async () => {
      const big = manyFindings(2500);
      const run = await runCli(['--format', format, '-'], { cwd: os.tmpdir(), stdin: big });
      assert.equal(run.code, 1);
      assert.ok(run.writes.length > 1, `${run.writes.length} writes of ${run.stdout.length} characters`);
      assert.ok(run.writes.every((n) => n <= (1 << 20) + 64 * 1024), `largest write ${Math.max(...run.writes)}`);
      if (format === 'json') {
        const report = JSON.parse(run.stdout) as JsonReport;
        assert.equal(report.files[0].messages.filter((m) => m.ruleId === 'unknown-field').length, 5000);
        assert.equal(report.summary.counts.error, 5000);
      } else if (format === 'sarif') {
        const log = JSON.parse(run.stdout) as SarifLog;
        assert.equal(log.runs[0].results.filter((r) => r.ruleId === 'unknown-field').length, 5000);
      } else {
        assert.equal(run.stdout.match(/ error {2}unknown-field /g)?.length, 5000);
      }
    });
  }
});
