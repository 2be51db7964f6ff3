import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isComposeFileName } from '../../../server/src/core/compose/detect';
import { readFixture } from '../helpers';
import { lint } from '../rules/rule-kit';

describe('compose detection', () => {
  it('knows Compose file names, overrides included, and nothing else', () => {
    for (const name of ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml', 'file:///w/docker-compose.override.yml', 'C:\\w\\compose.prod.yaml', 'docker-compose-dev.yml']) {
      assert.ok(isComposeFileName(name), name);
    }
    for (const name of ['composer.yaml', 'my-compose.yaml', 'compose.json', 'deployment.yaml', '.gitlab-ci.yml', undefined]) {
      assert.ok(!isComposeFileName(name), String(name));
    }
  });

  it('by name: a Compose file with a misspelt services: is still checked', () => {
    assert.deepEqual(lint('servics:\n  web:\n    image: a:1\n', {}, 'file:///w/compose.yaml').map((f) => f.code), ['unknown-field']);
    assert.deepEqual(lint('servics:\n  web:\n    image: a:1\n'), []);
  });

  it('by name: YAML syntax errors of a Compose file are reported', () => {
    assert.deepEqual(lint('services:\n  web:\n    image: [a\n', {}, 'compose.yaml').map((f) => f.code), ['yaml-syntax']);
  });

  it('never a Kubernetes manifest, nor a CI file that has services', () => {
    const gitlab = 'image: node:20\nservices:\n  - postgres:16\ntest:\n  script: [npm test]\n';
    const woodpecker = 'steps:\n  test:\n    image: node:20\nservices:\n  database:\n    image: mysql:8\n';
    const github = 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      redis:\n        image: redis:7\n';
    const drone = 'kind: pipeline\ntype: docker\nservices:\n  - name: db\n    image: postgres\n';
    for (const text of [gitlab, woodpecker, github, drone]) assert.deepEqual(lint(text), [], text);
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: a\n      image: a:1\n';
    assert.ok(lint(pod, {}, 'compose.yaml').every((f) => !f.code.startsWith('compose-')));
  });

  it('YAML that is no manifest and no Compose file stays silent', () => {
    assert.deepEqual(lint('services:\n  web:\n    port: 80\nname: x\n'), []);
    assert.deepEqual(lint('key: value\nlist: [1, 2]\n'), []);
  });

  it('the compose example of the guides is clean: only the hint about version', () => {
    const guide = readFixture('compose', 'guide-shared-volume.yaml');
    assert.deepEqual(lint(guide).map((f) => `${f.code}:${f.severity}`), ['compose-version-obsolete:hint']);
    assert.deepEqual(lint(guide, {}, 'docker-compose.yml').map((f) => `${f.code}:${f.severity}`), ['compose-version-obsolete:hint']);
  });
});
