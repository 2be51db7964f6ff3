import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { runCli } from './cli-io';

/** What must never reach a terminal raw: C0 (ESC, BEL…), C1 (U+0080–U+009F) and bidi overrides and isolates. */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

// Values no doc page uses: SARIF carries the rule pages, whose examples show made-up secrets such as hunter2.
const SECRETS = ['Qx7-S3cr3t-Passw0rd!', 'pq8Wv2xLm', 'c3VwZXJzZWNyZXQ9Qx=', 'plain-string-data-Qx7'];

const MANIFEST = `apiVersion: v1
kind: Pod
metadata:
  name: "web\u001b]0;owned\u0007\u009b2J\u202e"
spec:
  containers:
  - name: "app\u001b[2J\u0085\u2066"
    image: nginx
    env:
    - name: DB_PASSWORD
      value: "${SECRETS[0]}"
    - name: DATABASE_URL
      value: postgres://app:${SECRETS[1]}@db:5432/app
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
data:
  token: ${SECRETS[2]}
stringData:
  note: ${SECRETS[3]}
  bogus-neighbour: x
spec: {}
`;

describe('sidecar-lint output is safe to print and to keep in CI logs', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-hardening-'));
    fs.writeFileSync(path.join(dir, 'evil\u001b[31m\u009d.yaml'), MANIFEST);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text output holds no control or bidi character, whatever the manifest and its file name hold', async () => {
    const run = await runCli(['.'], { cwd: dir, stderrIsTty: false });
    assert.ok(run.stdout.includes('secret-in-env'), run.stdout);
    const offending = [...run.stdout].filter((c) => CONTROL.test(c)).map((c) => `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`);
    assert.deepEqual(offending, [], 'no raw control characters');
    assert.ok(run.stdout.includes('\uFFFD'), 'each is shown as a replacement character');
    assert.ok(!CONTROL.test(run.stderr));
  });

  for (const format of ['text', 'json', 'sarif']) {
    it(`no literal secret value appears in ${format} output (frames mask env values and Secret data)`, async () => {
      const run = await runCli(['--format', format, '.'], { cwd: dir });
      assert.ok(run.stdout.length > 100);
      for (const secret of SECRETS) assert.ok(!run.stdout.includes(secret), `${secret} leaked in ${format}`);
    });
  }

  it('the frame keeps the masked value aligned under its caret', async () => {
    const run = await runCli(['--no-color', '.'], { cwd: dir });
    assert.match(run.stdout, /value: \*{22}\n +\| +\^{22}/);
  });
});

describe('sidecar-lint reads nothing outside the linted tree unless asked', () => {
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-outside-'));
    // root/.sidecarlint.yaml (above the repository) · root/outside/secret.yaml · root/repo/.git · root/repo/app
    fs.mkdirSync(path.join(root, 'outside'));
    fs.writeFileSync(path.join(root, 'outside', 'private.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: private-outside\nspec:\n  containers: []\n');
    fs.writeFileSync(path.join(root, '.sidecarlint.yaml'), 'rules:\n  image-tag: off\n');
    fs.mkdirSync(path.join(root, 'repo', '.git'), { recursive: true });
    fs.mkdirSync(path.join(root, 'repo', 'app'));
    fs.writeFileSync(path.join(root, 'repo', 'app', 'pod.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n  - name: app\n    image: nginx\n');
    fs.symlinkSync(path.join(root, 'outside', 'private.yaml'), path.join(root, 'repo', 'app', 'link.yaml'));
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a symbolic link out of the linted folder is not followed', async () => {
    const run = await runCli(['--format', 'json', '.'], { cwd: path.join(root, 'repo') });
    assert.ok(!run.stdout.includes('link.yaml') && !run.stdout.includes('private-outside'), run.stdout);
    assert.ok(run.stdout.includes('pod.yaml'));
  });

  it('--follow-symlinks follows it', async () => {
    const run = await runCli(['--format', 'json', '--follow-symlinks', '.'], { cwd: path.join(root, 'repo') });
    assert.ok(run.stdout.includes('link.yaml'), run.stdout);
  });

  it('a config above the repository root or the working folder is not used', async () => {
    for (const cwd of [path.join(root, 'repo'), path.join(root, 'repo', 'app')]) {
      const run = await runCli(['--format', 'json', path.join(root, 'repo', 'app', 'pod.yaml')], { cwd });
      assert.ok(run.stdout.includes('"image-tag"'), `image-tag is on from ${cwd}: the config in ${root} is not read`);
    }
    // Without .git, the working folder still bounds it.
    fs.rmSync(path.join(root, 'repo', '.git'), { recursive: true });
    const run = await runCli(['--format', 'json', 'app/pod.yaml'], { cwd: path.join(root, 'repo') });
    assert.ok(run.stdout.includes('"image-tag"'));
    fs.mkdirSync(path.join(root, 'repo', '.git'));
  });

  it('a config inside the repository is used, and `root: true` is accepted', async () => {
    fs.writeFileSync(path.join(root, 'repo', '.sidecarlint.yaml'), 'root: true\nrules:\n  image-tag: off\n');
    try {
      const run = await runCli(['--format', 'json', 'app/pod.yaml'], { cwd: path.join(root, 'repo') });
      assert.ok(!run.stdout.includes('"image-tag"'), run.stdout);
      assert.equal(run.stderr, '');
    } finally {
      fs.rmSync(path.join(root, 'repo', '.sidecarlint.yaml'));
    }
  });
});
