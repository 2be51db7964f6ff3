import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import packageJson from '../../../package.json';
import { ClientCommands, DEFAULT_KUBERNETES_VERSION, SERVER_COMMANDS, SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/protocol';

const configuration = packageJson.contributes.configuration.properties['sidecar.kubernetesVersion'];

describe('protocol: one source for what package.json repeats', () => {
  it("package.json's sidecar.kubernetesVersion enum and default equal the core's", () => {
    assert.deepEqual(configuration.enum, SUPPORTED_KUBERNETES_VERSIONS);
    assert.equal(configuration.default, DEFAULT_KUBERNETES_VERSION);
  });

  it('the commands package.json contributes are the client commands of the protocol', () => {
    assert.deepEqual(packageJson.contributes.commands.map((c) => c.command).sort(), Object.values(ClientCommands).sort());
  });

  it('server command ids differ from client command ids (the language client registers server commands itself)', () => {
    const client: readonly string[] = Object.values(ClientCommands);
    for (const id of Object.values(SERVER_COMMANDS)) assert.ok(!client.includes(id), id);
  });
});
