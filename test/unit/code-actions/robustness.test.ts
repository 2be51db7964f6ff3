import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { codeActions } from '../../../server/src/core/features/code-actions';
import { parseManifest } from '../../../server/src/core/parse/manifest';
import { fixturesDir, toCrlf } from '../helpers';
import { URI, diagnosticsOf, service, settingsFor } from './harness';
import { diagnosticsAt } from '../../../server/src/lsp/code-actions';
import { ClientCommands } from '../../../server/src/protocol';

const fixtures = fs.readdirSync(path.join(fixturesDir, 'code-actions')).filter((name) => name.endsWith('.yaml'));

/** Every action offered anywhere in `text`, with every diagnostic of the file in the request. */
function everyAction(text: string) {
  const file = parseManifest(text);
  const diagnostics = diagnosticsOf(file, settingsFor());
  const lines = file.lineIndex;
  const result = [];
  for (let line = 0; line < lines.lineCount; line++) {
    const start = lines.lineStart(line);
    for (const offset of [start, Math.floor((start + lines.lineEnd(line)) / 2), lines.lineEnd(line)]) {
      result.push(...codeActions(service(), file, { start: offset, end: offset }, diagnosticsAt(file.lineIndex, diagnostics), settingsFor(), { uri: URI, sharedVolumeCommand: ClientCommands.addSharedVolume }).actions);
    }
  }
  return result;
}

describe('code actions never break a file', () => {
  for (const name of fixtures) {
    it(`every action offered anywhere in ${name} leaves valid YAML with non-overlapping edits`, () => {
      for (const text of [fs.readFileSync(path.join(fixturesDir, 'code-actions', name), 'utf8'), toCrlf(fs.readFileSync(path.join(fixturesDir, 'code-actions', name), 'utf8'))]) {
        const seen = new Set<string>();
        for (const action of everyAction(text)) {
          const edits = action.edit?.changes?.[URI];
          if (!edits) continue;
          const key = JSON.stringify(edits);
          if (seen.has(key)) continue;
          seen.add(key);
          const document = TextDocument.create(URI, 'yaml', 1, text);
          const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
          for (let i = 1; i < sorted.length; i++) {
            assert.ok(document.offsetAt(sorted[i].range.start) >= document.offsetAt(sorted[i - 1].range.end), `overlapping edits in "${action.title}"`);
          }
          const output = TextDocument.applyEdits(document, edits);
          const after = parseManifest(output);
          assert.ok(!after.slots.some((s) => s.document.problems.length > 0), `"${action.title}" broke ${name}:\n${output}`);
          assert.equal(after.slots.length, parseManifest(text).slots.length, 'documents were merged or split');
        }
        assert.ok(seen.size > 0, `no action at all in ${name}`);
      }
    });
  }

  it('answers broken, flow-style, empty and non-Kubernetes input without throwing', () => {
    const inputs = [
      '',
      '---\n---\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers: [{name: a, image: x}, {name: b, image: y}]\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - {name: a, image: x}\n    - {name: b, image: "y:latest", restartPolicy: Always}\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: [\n',
      'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    image: x\n  - name: b\n    image: y\n    restartPolicy: Always',
      'just: text\nlist:\n  - 1\n',
      '\tapiVersion: v1\n',
    ];
    for (const text of inputs) {
      const file = parseManifest(text);
      const diagnostics = diagnosticsOf(file, settingsFor());
      for (let offset = 0; offset <= text.length; offset++) {
        const { actions } = codeActions(service(), file, { start: offset, end: offset }, diagnosticsAt(file.lineIndex, diagnostics), settingsFor(), { uri: URI });
        for (const action of actions) {
          const edits = action.edit?.changes?.[URI];
          if (!edits) continue;
          const output = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
          const wasBroken = file.slots.some((s) => s.document.problems.length > 0);
          if (!wasBroken) assert.ok(!parseManifest(output).slots.some((s) => s.document.problems.length > 0), `"${action.title}" broke:\n${text}\n=>\n${output}`);
        }
      }
    }
  });

  it('ignores diagnostics whose range lies outside the text and codes it does not know', () => {
    const text = 'apiVersion: v1\nkind: Pod\nspec:\n  containers:\n    - name: a\n      image: x:1.0.0\n';
    const file = parseManifest(text);
    const far = { start: { line: 999, character: 0 }, end: { line: 999, character: 5 } };
    const { actions } = codeActions(service(), file, { start: 0, end: 0 }, diagnosticsAt(file.lineIndex, [
      { range: far, message: 'x', code: 'unused-volume', data: { volumeIndex: 7 } },
      { range: far, message: 'x', code: 'no-such-rule' },
      { range: far, message: 'x', code: 42 },
      { range: far, message: 'x', code: 'undefined-volume', data: 'not an object' },
    ]), settingsFor(), { uri: URI });
    assert.deepEqual(actions, []);
  });

  it('keeps valid YAML valid on mutated fixtures (seeded: deleted, duplicated, dedented and commented lines)', () => {
    let seed = 20261122;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const sources = fixtures.map((name) => fs.readFileSync(path.join(fixturesDir, 'code-actions', name), 'utf8'));
    let applied = 0;
    for (let round = 0; round < 60; round++) {
      const lines = sources[Math.floor(random() * sources.length)].split('\n');
      const at = Math.floor(random() * lines.length);
      const mutation = Math.floor(random() * 4);
      if (mutation === 0) lines.splice(at, 1);
      else if (mutation === 1) lines.splice(at, 0, lines[Math.floor(random() * lines.length)]);
      else if (mutation === 2) lines[at] = lines[at].replace(/^ {2}/, '');
      else lines[at] += ' # added';
      const text = lines.join('\n');
      const file = parseManifest(text);
      const valid = !file.slots.some((s) => s.document.problems.length > 0);
      const diagnostics = diagnosticsOf(file, settingsFor());
      for (let line = 0; line < file.lineIndex.lineCount; line += 3) {
        const offset = file.lineIndex.lineStart(line) + 6;
        for (const action of codeActions(service(), file, { start: offset, end: offset }, diagnosticsAt(file.lineIndex, diagnostics), settingsFor(), { uri: URI }).actions) {
          const edits = action.edit?.changes?.[URI];
          if (!edits) continue;
          applied++;
          const output = TextDocument.applyEdits(TextDocument.create(URI, 'yaml', 1, text), edits);
          if (valid) assert.ok(!parseManifest(output).slots.some((s) => s.document.problems.length > 0), `"${action.title}" broke:\n${text}\n=>\n${output}`);
        }
      }
    }
    assert.ok(applied > 500, `only ${applied} actions were tried`);
  });
});
