import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { composeRules } from '../../../server/src/core/compose/rules';
import type { ComposeRule } from '../../../server/src/core/compose/rules';
import { quickFixFor } from '../../../server/src/core/features/code-actions/quick-fixes';
import { allRules } from '../../../server/src/core/rules';
import { repoRoot } from '../helpers';
import { lint } from '../rules/rule-kit';

const rulesDir = path.join(repoRoot, 'server', 'src', 'core', 'compose', 'rules');
/** Which other host port to use is the user's call: no fix is guessed. */
const WITHOUT_FIX = new Set(['compose-duplicate-host-port']);
const KEBAB_CASE = /^compose(-[a-z0-9]+)+$/;

describe('compose rule registry', () => {
  it('lists every rule file of core/compose/rules, with ids no Kubernetes rule uses', async () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts');
    assert.equal(files.length, composeRules.length);
    for (const file of files) {
      const module = (await import(path.join(rulesDir, file))) as { rule?: ComposeRule };
      assert.ok(module.rule && (composeRules as readonly ComposeRule[]).includes(module.rule), `${file} is not listed in compose/rules/index.ts`);
      assert.equal(`${module.rule.id}.ts`, file);
    }
    const kubernetes = new Set<string>(allRules.map((r) => r.id));
    assert.deepEqual(composeRules.filter((r) => kubernetes.has(r.id)), []);
  });

  for (const rule of composeRules) {
    describe(rule.id, () => {
      it('has a compose- kebab-case id, a one-line summary and a severity', () => {
        assert.match(rule.id, KEBAB_CASE);
        assert.ok(rule.summary.length > 10 && !rule.summary.includes('\n'));
        assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity));
      });

      it('has a doc page with What, Why, Bad, Good and Fix', () => {
        const text = fs.readFileSync(path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`), 'utf8');
        assert.match(text, new RegExp(`^# ${rule.id}\\b`, 'm'));
        assert.match(text, new RegExp(`Severity: \\*\\*${rule.defaultSeverity}\\*\\*`));
        for (const section of ['What', 'Why', 'Bad', 'Good', 'Fix']) assert.match(text, new RegExp(`^## ${section}\\b`, 'm'));
      });

      it('has a test file and bad/good fixtures: bad fires it, good is clean', () => {
        assert.ok(fs.existsSync(path.join(repoRoot, 'test', 'unit', 'compose', `${rule.id}.test.ts`)));
        const read = (which: string) => fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'rules', rule.id, `${which}.yaml`), 'utf8');
        assert.ok(lint(read('bad')).some((f) => f.code === rule.id), 'bad.yaml does not fire the rule');
        assert.deepEqual(lint(read('good')).map((f) => f.code), [], 'good.yaml is not clean');
      });

      it(WITHOUT_FIX.has(rule.id) ? 'has no quick fix, on purpose' : 'has a quick fix', () => {
        assert.equal(typeof quickFixFor(rule.id), WITHOUT_FIX.has(rule.id) ? 'undefined' : 'function');
      });
    });
  }
});
