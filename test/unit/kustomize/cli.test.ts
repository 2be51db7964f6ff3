import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/parse/line-index';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { pathAt } from '../../../server/src/core/features/kustomize/overlay-validation';
import { isDirectiveKey } from '../../../server/src/core/workspace/kustomize/strategic-merge';
import { runCli } from '../cli/cli-io';
import { fixturesDir } from '../helpers';
import { fixtureOverlays } from './fixture-overlays';
import { kubectlKustomizeText, skipWithoutKubectl } from './kubectl';

const root = path.join(fixturesDir, 'kustomize');
const cwd = path.resolve(fixturesDir, '..', '..');
const overlays = fixtureOverlays;

interface JsonMessage {
  ruleId: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}
interface JsonReport {
  files: { path: string; messages: JsonMessage[] }[];
}

/** Each finding as `code "underlined text"`, the text read from the file it is reported in. */
function placed(report: JsonReport, textOf: (file: string) => string, keep: (text: string, start: number) => boolean = () => true): string[] {
  const result: string[] = [];
  for (const file of report.files) {
    const text = textOf(file.path);
    const lines = new LineIndex(text);
    for (const m of file.messages) {
      const start = lines.offsetAt({ line: m.line - 1, character: m.column - 1 });
      const end = lines.offsetAt({ line: m.endLine - 1, character: m.endColumn - 1 });
      if (keep(text, start)) result.push(`${m.ruleId} ${JSON.stringify(text.slice(start, end))}`);
    }
  }
  return result.sort();
}

/** kustomize v5 passes `$retainKeys` / `$setElementOrder/…` through; a finding on them is not ours to show (see README). */
function notOnDirective(text: string, start: number): boolean {
  const file = parseManifest(text);
  const slot = file.slotAt(start);
  return !slot || !pathAt(slot.document, start - slot.start).path.some((step) => typeof step === 'string' && isDirectiveKey(step));
}

describe('sidecar-lint on a kustomize overlay folder', () => {
  it('has fixture overlays', () => assert.ok(overlays.length >= 3));
  for (const dir of overlays) {
    it(`${path.relative(root, dir)}: the same findings as kubectl kustomize | sidecar-lint -, at the patch or base lines`, { skip: skipWithoutKubectl }, async () => {
      const rendered = kubectlKustomizeText(dir);
      const reference = JSON.parse((await runCli(['-f', 'json', '-'], { cwd, stdin: rendered })).stdout) as JsonReport;
      const ours = JSON.parse((await runCli(['-f', 'json', path.relative(cwd, dir)], { cwd })).stdout) as JsonReport;
      // Compared as sets: kubectl's output has one copy of a base or patch per resource it renders into (a patch
      // with a kind-wide target, a base listed by three overlays), while the CLI reports a finding once per place
      // in the source (overlay-validation's uniqueFindings).
      const expected = [...new Set(placed(reference, () => rendered, notOnDirective))];
      const actual = [...new Set(placed(ours, (file) => fs.readFileSync(path.join(cwd, file), 'utf8')).filter((entry) => !entry.startsWith('kustomize-')))];
      assert.deepEqual(actual, expected);
      assert.ok(expected.length > 0, 'the fixture has findings to compare');
    });
  }

  it('a patch file given alone is linted as the overlays that use it', async () => {
    const run = await runCli(['-f', 'json', 'test/fixtures/kustomize/job-sidecar/overlay/cloud-sql-proxy.yaml'], { cwd });
    const messages = (JSON.parse(run.stdout) as JsonReport).files[0].messages;
    assert.ok(!messages.some((m) => m.ruleId === 'missing-required-field'), run.stdout);
    assert.deepEqual(
      messages.filter((m) => m.ruleId === 'job-classic-sidecar').map((m) => m.line),
      [9],
    );
  });

  it('a folder without a kustomization below the overlays lints each patch as a patch', async () => {
    const run = await runCli(['-f', 'json', 'test/fixtures/kustomize/log-shipper'], { cwd });
    const report = JSON.parse(run.stdout) as JsonReport;
    const patch = report.files.find((file) => file.path.endsWith('overlay/log-shipper.yaml'));
    assert.deepEqual(patch?.messages.map((m) => m.ruleId).sort(), ['missing-probes', 'missing-resources', 'undefined-volume']);
  });

  it('--no-kustomize keeps plain per-file linting (the patch is a whole manifest again)', async () => {
    const run = await runCli(['-f', 'json', '--no-kustomize', 'test/fixtures/kustomize/log-shipper/overlay'], { cwd });
    const report = JSON.parse(run.stdout) as JsonReport;
    const patch = report.files.find((file) => file.path.endsWith('overlay/log-shipper.yaml'));
    assert.ok(patch?.messages.some((m) => m.ruleId === 'missing-required-field'), run.stdout);
    assert.equal(run.code, 1);
  });

  it('a clean overlay lists the files it read as checked and exits 0', async () => {
    const run = await runCli(['--rule', 'missing-probes=off', '--rule', 'missing-resources=off', '--rule', 'undefined-volume=off', 'test/fixtures/kustomize/log-shipper/overlay'], { cwd });
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /4 files checked/);
  });
});
