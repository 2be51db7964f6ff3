import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { fixturesDir } from '../helpers';
import { runCli } from './cli-io';

const crds = path.join(fixturesDir, 'crds');

describe('sidecar-lint: custom resources checked by the bundled CRD schemas', () => {
  it('reports the typo in an Istio VirtualService with the suggestion, as a warning that does not fail the run', async () => {
    const run = await runCli(['--format', 'json', 'istio-virtualservice-typo.yaml'], { cwd: crds });
    const report = JSON.parse(run.stdout) as JsonReport;
    const messages = report.files[0].messages.map((m) => [m.ruleId, m.severity, m.line, m.message]);
    assert.deepEqual(messages, [
      ['unknown-field', 'warning', 15, 'Unknown field "wieght" in VirtualService.spec.http[0].route[0]. Did you mean "weight"?'],
      ['invalid-type', 'warning', 20, 'timeout must be a string, got the number 5'],
    ]);
    assert.equal(run.code, 0);
    assert.equal((await runCli(['--fail-on', 'warning', 'istio-virtualservice-typo.yaml'], { cwd: crds })).code, 1);
    assert.equal((await runCli(['--rule', 'unknown-field=error', 'istio-virtualservice-typo.yaml'], { cwd: crds })).code, 1);
  });

  // One run per file: the workspace index keys resources by kind alone, so a Knative Service in the same run would
  // stand for a core Service the HTTPRoute's backendRef could name.
  for (const file of ['istio.yaml', 'argo.yaml', 'knative.yaml', 'platform.yaml']) {
    it(`finds nothing in the good custom resources of ${file}`, async () => {
      const run = await runCli(['--format', 'json', '--fail-on', 'info', file], { cwd: crds });
      const report = JSON.parse(run.stdout) as JsonReport;
      assert.deepEqual(report.files.flatMap((f) => f.messages.map((m) => `${f.path}:${m.line} ${m.ruleId}`)), []);
      assert.equal(run.code, 0);
    });
  }
});
