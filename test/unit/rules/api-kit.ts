import assert from 'node:assert/strict';
import { actionsFor, applyAction, pick } from '../code-actions/harness';
import { brief, ruleFixture, underlines } from './rule-kit';

/** The bad fixture's findings in short form; the good fixture has none. */
export function fixtureFindings(id: string): ReturnType<typeof brief> {
  assert.deepEqual(underlines(ruleFixture(id, 'good'), id), [], `good.yaml raises ${id}`);
  return brief(underlines(ruleFixture(id, 'bad'), id));
}

/** Applies the quick fix titled `title` to the `n`th `code` finding of `text`; returns the new text. */
export function fixed(text: string, code: string, title: RegExp, n = 0): string {
  const run = actionsFor(text, code, undefined, n);
  return applyAction(text, pick(run.actions, title));
}
