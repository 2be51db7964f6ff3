import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/core/findings';
import { createLanguageService } from '../../../server/src/core/language-service';
import { warmUp } from '../../../server/src/lsp/warm-up';

// The validation thread's warm-up must exercise the paths the editor's first files take: a workload manifest, a
// Compose file recognised by its name, and a strategic-merge patch checked through its in-memory overlay.
describe('validation thread warm-up', () => {
  const checks: { uri: string; codes: string[] }[] = [];
  const steps: (() => void)[] = [];
  warmUp(createLanguageService(), (step) => steps.push(step), (uri: string, findings: readonly Finding[]) => checks.push({ uri, codes: findings.map((f) => f.code) }));

  it('runs one case per turn of the event loop, so a check of the editor can go between them', () => {
    assert.equal(checks.length, 0, 'nothing runs before the first turn');
    steps.shift()?.();
    assert.deepEqual(new Set(checks.map((c) => c.uri)).size, 1);
    while (steps.length > 0) steps.shift()?.();
  });

  it('checks each case twice (parse, then one typed character through the incremental parse) without errors', () => {
    assert.equal(checks.length, 6);
    for (const { uri, codes } of checks) assert.ok(!codes.some((code) => /^(yaml-|missing-required-field|unknown-)/.test(code)), `${uri}: ${codes.join(', ')}`);
  });

  it('checks the Compose case as Compose and the patch through the merged pod of its overlay', () => {
    const codesOf = (suffix: string) => checks.filter((c) => c.uri.endsWith(suffix)).flatMap((c) => c.codes);
    assert.ok(codesOf('compose.yaml').some((code) => code.startsWith('compose-')), codesOf('compose.yaml').join(', '));
    // The proxy starts after the app only in the merged pod: the patch alone has one container, no selector and no
    // volume (missing-required-field and undefined-volume when it is checked alone).
    assert.ok(codesOf('proxy.yaml').includes('proxy-start-order'), codesOf('proxy.yaml').join(', '));
    assert.ok(!codesOf('proxy.yaml').includes('undefined-volume'), codesOf('proxy.yaml').join(', '));
  });
});
