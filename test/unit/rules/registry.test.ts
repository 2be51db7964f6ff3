import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { allRules, RULE_GROUPS, type Rule } from '../../../server/src/core/rules';
import { SUPPORTED_KUBERNETES_VERSIONS } from '../../../server/src/core/settings';
import { repoRoot } from '../helpers';
import { underlines } from './rule-kit';

const rulesDir = path.join(repoRoot, 'server', 'src', 'core', 'rules');
const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DOC_SECTIONS = ['What', 'Why', 'Bad', 'Good', 'Fix'];
const minors = SUPPORTED_KUBERNETES_VERSIONS.map((v) => Number(v.split('.')[1]));

/** A version the rule applies to, preferring the extension's default. */
function versionFor(rule: Rule): string {
  let minor = 34;
  if (rule.versions?.max !== undefined) minor = Math.min(minor, rule.versions.max);
  if (rule.versions?.min !== undefined) minor = Math.max(minor, rule.versions.min);
  return `1.${minor}`;
}

describe('rule registry', () => {
  it('has unique ids', () => {
    const ids = allRules.map((rule) => rule.id);
    assert.deepEqual(ids.filter((id, i) => ids.indexOf(id) !== i), []);
  });

  it('keeps the rules of each docs section together, in RULE_GROUPS order', () => {
    const order = allRules.map((rule) => RULE_GROUPS.indexOf(rule.group));
    const misplaced = allRules.filter((rule, i) => order[i] < 0 || (i > 0 && order[i] < order[i - 1])).map((rule) => `${rule.id} (${rule.group})`);
    assert.deepEqual(misplaced, [], 'move these in the list of server/src/core/rules/index.ts next to the other rules of their `group`');
  });

  it('lists every rule file of server/src/core/rules (none forgotten)', async () => {
    const files = fs.readdirSync(rulesDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'types.ts');
    for (const file of files) {
      const module = (await import(path.join(rulesDir, file))) as { rule?: Rule };
      assert.ok(module.rule, `${file} exports no \`rule\``);
      const listed = (allRules as readonly Rule[]).includes(module.rule);
      assert.ok(listed, `${file} is not registered: import its \`rule\` in server/src/core/rules/index.ts and add it to the list there, next to the rules of its \`group\``);
    }
  });

  for (const rule of allRules) {
    describe(rule.id, () => {
      it('has a kebab-case id equal to its file name', async () => {
        assert.match(rule.id, KEBAB_CASE);
        const file = path.join(rulesDir, `${rule.id}.ts`);
        assert.ok(fs.existsSync(file), `missing ${path.relative(repoRoot, file)}`);
        const module = (await import(file)) as { rule?: Rule };
        assert.equal(module.rule, rule, `${rule.id}.ts does not export this rule as \`rule\``);
      });

      it('has a one-line summary, a severity and sane versions', () => {
        assert.ok(rule.summary.trim().length > 10 && !rule.summary.includes('\n'), 'summary must be one line');
        assert.ok(['error', 'warning', 'info', 'hint'].includes(rule.defaultSeverity));
        const { min = minors[0], max = minors[minors.length - 1] } = rule.versions ?? {};
        assert.ok(min <= max && max >= minors[0] && min <= minors[minors.length - 1], `versions ${min}..${max} select no supported version`);
      });

      it('has a doc page with What, Why, Bad, Good and Fix', () => {
        const page = path.join(repoRoot, 'docs', 'rules', `${rule.id}.md`);
        assert.ok(fs.existsSync(page), `missing docs/rules/${rule.id}.md`);
        const text = fs.readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${rule.id}\\b`, 'm'), 'the page title is the rule id');
        for (const section of DOC_SECTIONS) assert.match(text, new RegExp(`^## ${section}\\b`, 'm'), `docs/rules/${rule.id}.md lacks "## ${section}"`);
      });

      it('has a test file and bad/good fixtures: bad fires the rule, good does not', () => {
        assert.ok(fs.existsSync(path.join(repoRoot, 'test', 'unit', 'rules', `${rule.id}.test.ts`)), `missing test/unit/rules/${rule.id}.test.ts`);
        const fixture = (which: string) => path.join(repoRoot, 'test', 'fixtures', 'rules', rule.id, `${which}.yaml`);
        for (const which of ['bad', 'good']) assert.ok(fs.existsSync(fixture(which)), `missing fixture ${which}.yaml`);
        const version = versionFor(rule);
        const bad = underlines(fs.readFileSync(fixture('bad'), 'utf8'), rule.id, { kubernetesVersion: version });
        assert.ok(bad.length > 0, `bad.yaml raises no ${rule.id} on ${version}`);
        const good = underlines(fs.readFileSync(fixture('good'), 'utf8'), rule.id, { kubernetesVersion: version });
        assert.deepEqual(good.map((f) => `${f.line}: ${f.text}`), [], `good.yaml raises ${rule.id} on ${version}`);
      });
    });
  }
});
