import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { fixturesDir } from '../helpers';
import { runCli } from './cli-io';

const CROSS_FILE = ['dangling-reference', 'selector-selects-nothing', 'target-port-not-declared'];

/** `file:line:code` of the cross-file findings of a JSON report (1-based lines, as people read them). */
function crossFile(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((f) => f.messages.filter((m) => CROSS_FILE.includes(m.ruleId)).map((m) => `${f.path}:${m.line}:${m.ruleId}`));
}

describe('sidecar-lint: the inputs of a run are one workspace', () => {
  const cwd = path.join(fixturesDir, 'workspace', 'shop');

  it('checks references across the files it is given, as the editor does (node_modules left out)', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd });
    assert.deepEqual(crossFile(run.stdout), ['app/backend.yaml:59:selector-selects-nothing', 'app/web.yaml:42:dangling-reference']);
  });

  it('sees only the inputs: without the config folder there is no ConfigMap to compare with, so nothing dangles', async () => {
    const run = await runCli(['--format', 'json', 'app', 'rbac'], { cwd });
    assert.deepEqual(crossFile(run.stdout), ['app/backend.yaml:59:selector-selects-nothing']);
  });
});
