// Mesh settings in .sidecarlint.yaml: the CLI in CI simulates the injectors as the editor does (issue 14).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { runCli } from './cli-io';

const ISTIO_JOB = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'mesh', 'job-istio-injected.yaml'), 'utf8');

function codes(stdout: string): string[] {
  const report = JSON.parse(stdout) as JsonReport;
  return report.files.flatMap((file) => file.messages.map((message) => message.ruleId ?? ''));
}

describe('sidecar-lint: meshes in .sidecarlint.yaml', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-meshconf-'));
    fs.writeFileSync(path.join(dir, 'job.yaml'), ISTIO_JOB);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const config = (text: string) => fs.writeFileSync(path.join(dir, '.sidecarlint.yaml'), text);

  it('Istio in native mode by default: the injected proxy no longer blocks the Job', async () => {
    config('kubernetesVersion: "1.33"\n');
    const classic = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.ok(codes(classic.stdout).includes('injected-sidecar-blocks-job'), classic.stdout);

    config('kubernetesVersion: "1.33"\nmeshes:\n  istio:\n    defaultMode: native\n');
    const native = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.equal(native.stderr, '');
    assert.ok(!codes(native.stdout).includes('injected-sidecar-blocks-job'), native.stdout);
  });

  it('a mesh turned off is not simulated; another mesh keeps its default', async () => {
    config('meshes:\n  istio: {enabled: false}\n  linkerd: {defaultMode: native}\n');
    const run = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.ok(!codes(run.stdout).includes('injected-sidecar-blocks-job'), run.stdout);
    config('meshes:\n  linkerd: {enabled: false}\n');
    assert.ok(codes((await runCli(['-f', 'json', 'job.yaml'], { cwd: dir })).stdout).includes('injected-sidecar-blocks-job'));
  });

  it('a bad mesh value stops the run (exit 2) with the line and the allowed values; an unknown key only warns', async () => {
    config('meshes:\n  istio:\n    defaultMode: nativ\n');
    const broken = await runCli(['job.yaml'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /\.sidecarlint\.yaml:3:18 {2}error {2}Bad value "nativ" for meshes\.istio\.defaultMode: use auto or classic or native\./);

    config('meshes:\n  istoi:\n    enabled: false\n');
    const typo = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.match(typo.stderr, /\.sidecarlint\.yaml:2:3 {2}warning {2}Unknown mesh "istoi": did you mean "istio"\?/);
    assert.ok(codes(typo.stdout).includes('injected-sidecar-blocks-job'), 'the typo turned nothing off');
  });
});
