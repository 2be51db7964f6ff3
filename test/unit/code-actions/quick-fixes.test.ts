import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFixture, toCrlf } from '../helpers';
import { FIX_CASES, caseName } from './cases';
import { actionsFor, applyAction, assertCommentsSurvive, assertRevalidatesClean, pick } from './harness';

describe('quick fixes keep the file intact', () => {
  for (const fixCase of FIX_CASES) {
    for (const lineBreaks of ['LF', 'CRLF'] as const) {
      it(`${caseName(fixCase)} (${lineBreaks})`, () => {
        const convert = lineBreaks === 'CRLF' ? toCrlf : (text: string) => text;
        const input = convert(readFixture('code-actions', fixCase.fixture));
        const expected = convert(readFixture('code-actions', 'expected', fixCase.expected));
        const run = actionsFor(input, fixCase.code, undefined, fixCase.nth ?? 0);
        const action = pick(run.actions, fixCase.title);
        assert.equal(action.kind, 'quickfix');
        assert.deepEqual(action.diagnostics, [run.target]);
        assert.equal(action.isPreferred === true, fixCase.preferred === true, 'isPreferred');
        const output = applyAction(input, action);
        assert.equal(output, expected);
        assertRevalidatesClean(run, output);
        assertCommentsSurvive(input, output, fixCase.removedComments);
        if (lineBreaks === 'CRLF') assert.ok(!/[^\r]\n/.test(output), 'a bare LF slipped into a CRLF file');
      });
    }
  }
});
