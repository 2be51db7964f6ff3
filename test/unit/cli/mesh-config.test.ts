// Mesh settings in .sidecarlint.yaml: the CLI in CI simulates the injectors as the editor does (issue 14).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { runCli } from './cli-io';

const EXAMPLE = fs.readFileSync(path.join(__dirname, '..', '..', '..', 'examples', 'mesh', 'job-istio-injected.yaml'), 'utf8');
/** The example without its classic annotation: the mesh setting (and the Kubernetes version, for auto) decides. */
const ISTIO_JOB = EXAMPLE.replace('      annotations:\n        sidecar.istio.io/nativeSidecar: "false"\n', '');

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

  it('Istio by default (auto): native from Kubernetes 1.33, classic before; defaultMode overrides it; the pod annotation overrides both', async () => {
    assert.notEqual(ISTIO_JOB, EXAMPLE);
    const blocks = async (configText: string, file = 'job.yaml') => {
      config(configText);
      const run = await runCli(['-f', 'json', file], { cwd: dir });
      assert.equal(run.stderr, '');
      return codes(run.stdout).includes('injected-sidecar-blocks-job');
    };
    assert.equal(await blocks('kubernetesVersion: "1.33"\n'), false, 'Istio 1.27+ at 1.33: native');
    assert.equal(await blocks('kubernetesVersion: "1.32"\n'), true, 'below 1.33: classic');
    assert.equal(await blocks('kubernetesVersion: "1.33"\nmeshes:\n  istio:\n    defaultMode: classic\n'), true, 'an older Istio');
    assert.equal(await blocks('kubernetesVersion: "1.32"\nmeshes:\n  istio:\n    defaultMode: native\n'), false);
    fs.writeFileSync(path.join(dir, 'example.yaml'), EXAMPLE);
    assert.equal(await blocks('meshes:\n  istio:\n    defaultMode: native\n', 'example.yaml'), true, 'the example says classic itself');
  });

  it('a mesh turned off is not simulated; another mesh keeps its default', async () => {
    config('kubernetesVersion: "1.32"\nmeshes:\n  istio: {enabled: false}\n  linkerd: {defaultMode: native}\n');
    const run = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.ok(!codes(run.stdout).includes('injected-sidecar-blocks-job'), run.stdout);
    config('kubernetesVersion: "1.32"\nmeshes:\n  linkerd: {enabled: false}\n');
    assert.ok(codes((await runCli(['-f', 'json', 'job.yaml'], { cwd: dir })).stdout).includes('injected-sidecar-blocks-job'));
  });

  it('a bad mesh value stops the run (exit 2) with the line and the allowed values; an unknown key only warns', async () => {
    config('meshes:\n  istio:\n    defaultMode: nativ\n');
    const broken = await runCli(['job.yaml'], { cwd: dir });
    assert.equal(broken.code, 2);
    assert.match(broken.stderr, /\.sidecarlint\.yaml:3:18 {2}error {2}Bad value "nativ" for meshes\.istio\.defaultMode: use auto or classic or native\./);

    config('meshes:\n  istoi:\n    enabled: false\nkubernetesVersion: "1.32"\n');
    const typo = await runCli(['-f', 'json', 'job.yaml'], { cwd: dir });
    assert.match(typo.stderr, /\.sidecarlint\.yaml:2:3 {2}warning {2}Unknown mesh "istoi": did you mean "istio"\?/);
    assert.ok(codes(typo.stdout).includes('injected-sidecar-blocks-job'), 'the typo turned nothing off');
  });
});
