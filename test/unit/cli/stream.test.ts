import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lintFile } from '../../../server/src/cli/files';
import { lintText } from '../../../server/src/cli/lint';
import { STREAM_THRESHOLD, StreamLinter } from '../../../server/src/cli/stream';
import { createLanguageService } from '../../../server/src/core/language-service';
import { MAX_FILE_LENGTH } from '../../../server/src/core/parse/manifest';
import { defaultSettings } from '../../../server/src/core/settings';
import { readFixture } from '../helpers';

const service = createLanguageService();
const settings = defaultSettings();

/** A rendered-chart-like stream: many documents, one bad Job among them, CRLF in some. */
function stream(documents: number): string {
  const good = readFixture('rules', 'invalid-restart-policy', 'good.yaml');
  const bad = readFixture('rules', 'invalid-restart-policy', 'bad.yaml');
  const parts: string[] = [];
  for (let i = 0; i < documents; i++) parts.push(i % 97 === 0 ? bad : i % 5 === 0 ? good.replace(/\n/g, '\r\n') : good);
  return parts.map((p) => `---\n${p}`).join('');
}

describe('sidecar-lint on streams of any size', () => {
  it('finds what whole-text linting finds, on the same lines, when the input is cut into documents', () => {
    // Below the 1,000 findings one file reports (too-many-problems), so whole-text linting is not capped.
    const text = stream(200);
    const whole = lintText(service, text, settings).messages;
    const linter = new StreamLinter(service, settings);
    // Push in odd-sized pieces, as a pipe delivers them, and force streaming from the first piece.
    const pieces = text.match(/[\s\S]{1,7777}/g) ?? [];
    linter.push('#'.repeat(0));
    (linter as unknown as { streaming: boolean }).streaming = true;
    for (const piece of pieces) linter.push(piece);
    const streamed = linter.end();
    assert.equal(streamed.text, undefined);
    assert.ok(whole.length > 0);
    assert.deepEqual(streamed.messages, whole);
    assert.ok(linter.maxPending < text.length / 10, `held ${linter.maxPending} of ${text.length} characters`);
  });

  it('lints a file larger than the editor limit document by document, and keeps small inputs whole (with their text)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-stream-'));
    const big = path.join(dir, 'rendered.yaml');
    const text = stream(Math.ceil((MAX_FILE_LENGTH + 1024 * 1024) / (stream(100).length / 100)));
    fs.writeFileSync(big, text);
    const result = lintFile(service, big, dir, settings);
    assert.ok(text.length > MAX_FILE_LENGTH && text.length > STREAM_THRESHOLD);
    assert.equal(result.text, undefined);
    const codes = new Set(result.messages.map((m) => m.code));
    assert.ok(codes.has('invalid-restart-policy') && !codes.has('file-too-large'), [...codes].join(', '));
    const lines = text.split(/\r\n|\n|\r/);
    const last = result.messages.filter((m) => m.code === 'invalid-restart-policy').at(-1);
    assert.ok(last);
    assert.match(lines[last.range.start.line], /restartPolicy: OnFailure|spec:/);
    const small = path.join(dir, 'small.yaml');
    fs.writeFileSync(small, stream(3));
    assert.equal(lintFile(service, small, dir, settings).text, stream(3));
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
