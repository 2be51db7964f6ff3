import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeActionsFeature, requestedKinds } from '../../../server/src/lsp/code-actions';
import { commandsFeature } from '../../../server/src/lsp/commands';
import { ClientCommands, SERVER_COMMANDS } from '../../../server/src/protocol';

const client = (codeActionLiterals: boolean) => ({ codeActionLiterals, snippetCompletions: false, markdownHover: false });

describe('code action capabilities', () => {
  it('advertises quick fixes and rewrites only to clients that take CodeAction literals', () => {
    assert.deepEqual(codeActionsFeature.capabilities?.(client(true)), {
      codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.rewrite'], resolveProvider: false },
    });
    assert.deepEqual(codeActionsFeature.capabilities?.(client(false)), {});
  });

  it("declares server commands whose ids differ from the client's interactive command", () => {
    const commands = commandsFeature.capabilities?.(client(true)).executeCommandProvider?.commands ?? [];
    // VS Code's language client registers every declared command: the client's own id must not be among them.
    assert.ok(!commands.includes(ClientCommands.addSharedVolume));
    assert.deepEqual(commands, Object.values(SERVER_COMMANDS));
  });

  it('an automatic request (the light bulb as the cursor moves) asks for quick fixes only; Ctrl+. gets the refactorings too', () => {
    assert.deepEqual(requestedKinds({ triggerKind: 2 }), ['quickfix']);
    assert.equal(requestedKinds({ triggerKind: 1 }), undefined);
    assert.equal(requestedKinds({}), undefined);
    assert.deepEqual(requestedKinds({ triggerKind: 2, only: ['refactor'] }), ['refactor']);
  });
});
