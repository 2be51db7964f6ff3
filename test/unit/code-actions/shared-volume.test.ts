import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../../../server/src/core/edit/yaml-edit';
import { codeActions, podContainersAt, sharedVolumeEdit } from '../../../server/src/core/features/code-actions';
import { ClientCommands } from '../../../server/src/protocol';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { readFixture, toCrlf } from '../helpers';
import { URI, assertCommentsSurvive, diagnosticsOf, service, settingsFor } from './harness';

/** Applies the core's changes (file offsets) as an editor applies the LSP edits the server makes of them. */
function apply(text: string, changes: TextChange[]): string {
  const file = parseManifest(text);
  const edits = changes.map((c) => ({ range: file.lineIndex.rangeOf(c.start, c.end), newText: c.newText }));
  return TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
}

describe('add a shared volume', () => {
  it('creates volumes and volumeMounts in the file style; the log shipper mounts read-only', () => {
    for (const convert of [(t: string) => t, toCrlf]) {
      const input = convert(readFixture('code-actions', 'pod-no-volumes.yaml'));
      const file = parseManifest(input);
      const result = sharedVolumeEdit(file, input.indexOf('name: web'), {
        volumeName: 'logs',
        mountPath: '/var/log/nginx',
        containers: ['web', 'shipper'],
      });
      assert.ok('changes' in result, 'problem' in result ? result.problem : '');
      const output = apply(input, result.changes);
      assert.equal(output, convert(readFixture('code-actions', 'expected', 'pod-no-volumes--shared-logs.yaml')));
      assertCommentsSurvive(input, output);
      const after = diagnosticsOf(parseManifest(output), settingsFor());
      assert.deepEqual(after.filter((d) => d.severity === 1 || /volume|mount/.test(String(d.code))).map((d) => d.code), []);
    }
  });

  it('appends to existing lists in a 4-space file with flush sequences', () => {
    const input = readFixture('code-actions', 'pod-flush-4space.yaml');
    const result = sharedVolumeEdit(parseManifest(input), input.indexOf('name: shipper'), {
      volumeName: 'tmp',
      mountPath: '/tmp',
      containers: ['web', 'shipper'],
      sizeLimit: '64Mi',
    });
    assert.ok('changes' in result);
    const output = apply(input, result.changes);
    assert.equal(output, readFixture('code-actions', 'expected', 'pod-flush-4space--shared-tmp.yaml'));
  });

  it('refuses what the API would reject, in words', () => {
    const input = readFixture('code-actions', 'pod-flush-4space.yaml');
    const file = parseManifest(input);
    const offset = input.indexOf('name: web');
    const problem = (args: Record<string, unknown>) => {
      const result = sharedVolumeEdit(file, offset, { volumeName: 'x', mountPath: '/x', containers: ['web'], ...args });
      return 'problem' in result ? result.problem : undefined;
    };
    assert.match(problem({ volumeName: 'logs' }) ?? '', /already has a volume named "logs"/);
    assert.match(problem({ containers: ['nope'] }) ?? '', /no container named "nope"/);
    assert.match(problem({ volumeName: 'Bad_Name' }) ?? '', /DNS label/);
    assert.match(problem({ mountPath: 'relative' }) ?? '', /absolute path/);
    assert.match(problem({ containers: [] }) ?? '', /at least one container/);
    assert.equal(problem({}), undefined);
    const outside = sharedVolumeEdit(parseManifest('a: 1\n'), 0, { volumeName: 'x', mountPath: '/x', containers: ['web'] });
    assert.ok('problem' in outside && /not in a pod manifest/.test(outside.problem));
  });

  it('lists the pod containers for the client to pick from', () => {
    const input = readFixture('code-actions', 'pod-no-volumes.yaml');
    const info = podContainersAt(parseManifest(input), input.indexOf('fluent'));
    assert.deepEqual(info, {
      workload: 'web',
      containers: [
        { name: 'web', list: 'containers', role: 'app', sidecarKind: undefined, readOnly: false },
        { name: 'shipper', list: 'containers', role: 'app', sidecarKind: 'log-shipper', readOnly: true },
      ],
      volumes: [],
    });
  });

  it('is offered as a refactoring command on a container when the client has the command', () => {
    const input = readFixture('code-actions', 'pod-no-volumes.yaml');
    const file = parseManifest(input);
    const offset = input.indexOf('name: shipper');
    const ask = (withCommand: boolean) =>
      codeActions(service(), file, { start: offset, end: offset }, [], settingsFor(), {
        uri: URI,
        ...(withCommand ? { sharedVolumeCommand: ClientCommands.addSharedVolume } : {}),
      }).actions.filter((a) => a.command);
    const [action] = ask(true);
    assert.equal(action.kind, 'refactor.rewrite');
    assert.equal(action.command?.command, 'sidecar.addSharedVolume');
    assert.deepEqual(action.command?.arguments, [{ uri: URI, position: file.lineIndex.positionAt(offset) }]);
    assert.deepEqual(ask(false), []);
  });
});
