import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { fixturesDir } from '../helpers';
import { runCli } from './cli-io';

/** `file:line:code` of every finding of a JSON report (1-based lines, as people read them). */
function findings(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line}:${m.ruleId}`));
}

describe('sidecar-lint: custom resources checked by the CustomResourceDefinitions among the inputs', () => {
  const cwd = path.join(fixturesDir, 'custom-resources', 'crd-folder');

  it('checks the resources of a CRD given as an input', async () => {
    const run = await runCli(['--format', 'json', 'crd.yaml', 'backup-good.yaml', 'backup-bad.yaml'], { cwd });
    assert.deepEqual(findings(run.stdout), [
      'backup-bad.yaml:5:unknown-field',
      'backup-bad.yaml:8:unknown-field',
      'backup-bad.yaml:10:invalid-type',
      'backup-bad.yaml:11:missing-required-field',
      'backup-bad.yaml:12:invalid-enum',
      'backup-bad.yaml:15:missing-required-field',
      'backup-bad.yaml:16:missing-required-field',
      'backup-bad.yaml:16:missing-required-field',
      'backup-bad.yaml:19:unknown-kind',
    ]);
    assert.equal(run.code, 1);
  });

  it('without the CRD among the inputs, its resources stay unchecked, as before', async () => {
    const run = await runCli(['--format', 'json', 'backup-good.yaml', 'backup-bad.yaml'], { cwd });
    assert.deepEqual(findings(run.stdout), []);
    assert.equal(run.code, 0);
  });

  it('reads a CRD inside a kind: List among the inputs (kubectl get crd -o yaml writes one)', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-crd-list-'));
    try {
      const crd = fs.readFileSync(path.join(cwd, 'crd.yaml'), 'utf8').split('\n').filter((line) => line.trim() && !line.startsWith('#'));
      const list = `apiVersion: v1\nkind: List\nitems:\n${crd.map((line, i) => (i === 0 ? `  - ${line}` : `    ${line}`)).join('\n')}\n`;
      fs.writeFileSync(path.join(dir, 'crds.yaml'), list);
      fs.copyFileSync(path.join(cwd, 'backup-bad.yaml'), path.join(dir, 'backup-bad.yaml'));
      const run = await runCli(['--format', 'json', 'crds.yaml', 'backup-bad.yaml'], { cwd: dir });
      const direct = await runCli(['--format', 'json', 'crd.yaml', 'backup-bad.yaml'], { cwd });
      assert.ok(findings(direct.stdout).length > 5);
      assert.deepEqual(findings(run.stdout), findings(direct.stdout));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
