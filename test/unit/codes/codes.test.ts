import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { catalog, docsHref, NON_RULE_CODES, type NonRuleCode } from '../../../server/src/core/codes';
import { configFileFindings } from '../../../server/src/core/config-file';
import { createLanguageService } from '../../../server/src/core/language-service';
import { MAX_FILE_LENGTH, parseManifest } from '../../../server/src/core/parse/manifest';
import { defaultSettings, type Settings } from '../../../server/src/core/settings';
import { fixturesDir, repoRoot } from '../helpers';

const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const DOC_SECTIONS = ['What', 'Why', 'Bad', 'Good', 'Fix'];
const table = path.relative(repoRoot, path.join(repoRoot, 'server', 'src', 'core', 'codes', 'non-rule-codes.ts'));
const docsBaseUrl = pathToFileURL(path.join(repoRoot, 'docs', 'rules')).href + '/';
const service = createLanguageService();

/**
 * Codes whose bad case is no file one can commit: the test builds it instead. Anything else in the table needs
 * test/fixtures/codes/<id>/{bad,good}.yaml.
 */
const BUILT_CASES: Partial<Record<NonRuleCode, string>> = {
  // Over the editor's 32 MB limit: made in the test below.
  'file-too-large': 'file-too-large',
  // A read error of the CLI, not a finding of a text: covered by test/unit/cli/main.test.ts.
  'unreadable-file': 'unreadable-file',
  // Needs a folder tree (a kustomization, its base, the patch): test/unit/kustomize/patch-validation.test.ts, over
  // test/fixtures/kustomize/remote-base/prod (bad) and log-shipper/overlay (good).
  'kustomize-not-resolved': 'kustomize-not-resolved',
  // Needs a time budget that runs out: test/unit/robustness/budget.test.ts (a budget by count of checks) and
  // test/lsp/responsiveness.test.ts (the editor's budget over the server).
  'checked-partly': 'checked-partly',
  // Need a folder tree too: test/unit/kustomize/json-patch.test.ts over test/fixtures/kustomize/json6902/bad-overlay
  // (bad) and json6902/overlay (good), no-match/bad-overlay (bad) and log-shipper/overlay (good).
  'kustomize-patch-operation': 'kustomize-patch-operation',
  'kustomize-patch-no-match': 'kustomize-patch-no-match',
  'kustomize-target-no-match': 'kustomize-target-no-match',
  // test/unit/kustomize/refusals.test.ts over test/fixtures/kustomize/selectors/refused/* (bad, each also refused by the
  // real kubectl with the same words) and every fixture overlay kubectl builds, selectors/overlays/* among them (good).
  'kustomize-invalid-selector': 'kustomize-invalid-selector',
  // The same test over test/fixtures/kustomize/load-restrictor/refused/* (bad) and load-restrictor/overlays/* with every
  // other fixture overlay (good); an absolute folder in test/unit/kustomize/kustomization-checks.test.ts.
  'kustomize-load-restriction': 'kustomize-load-restriction',
  // test/unit/kustomize/kustomization-checks.test.ts over test/fixtures/kustomize/checks/bad (bad) and checks/good (good).
  'kustomize-missing-path': 'kustomize-missing-path',
  'kustomize-deprecated-field': 'kustomize-deprecated-field',
};

/** The findings of a fixture, at the target its first line names (`# kubernetesVersion: "1.28"`), else the default. */
function findingsOf(id: NonRuleCode, text: string) {
  if (id === 'config-file') return configFileFindings(text, docsBaseUrl);
  const kubernetesVersion = /^# kubernetesVersion: "(1\.\d+)"/.exec(text)?.[1];
  const settings: Settings = defaultSettings({ docsBaseUrl, ...(kubernetesVersion ? { kubernetesVersion } : {}) });
  return service.validator.validate(parseManifest(text), settings);
}

describe('code table (non-rule codes)', () => {
  const ids = Object.keys(NON_RULE_CODES) as NonRuleCode[];

  it('shares no id with a rule, and the catalog lists every rule and every code once', () => {
    const ruleIds = new Set(service.rules.map((r) => r.id));
    assert.deepEqual(ids.filter((id) => ruleIds.has(id)), [], `a code of ${table} is also a rule id`);
    const all = catalog(service.rules).map((c) => c.id);
    assert.deepEqual(all, [...service.rules.map((r) => r.id), ...ids]);
  });

  for (const id of ids) {
    const entry = NON_RULE_CODES[id];
    describe(id, () => {
      it('has a kebab-case id, a one-line summary and a severity', () => {
        assert.match(id, KEBAB_CASE);
        assert.ok(entry.summary.trim().length > 10 && !entry.summary.includes('\n'), 'summary must be one line');
        assert.ok(['error', 'warning', 'info', 'hint'].includes(entry.defaultSeverity));
      });

      it('has a doc page docs/codes/<id>.md with What, Why, Bad, Good and Fix and its default severity', () => {
        const page = path.join(repoRoot, 'docs', 'codes', `${id}.md`);
        assert.ok(fs.existsSync(page), `missing docs/codes/${id}.md (every code in ${table} needs one)`);
        const text = fs.readFileSync(page, 'utf8');
        assert.match(text, new RegExp(`^# ${id}\\n`, 'm'), 'the page title is the code');
        assert.match(text, new RegExp(`^Severity: \\*\\*${entry.defaultSeverity}\\*\\*`, 'm'), `the page states the default severity (${entry.defaultSeverity})`);
        for (const section of DOC_SECTIONS) assert.match(text, new RegExp(`^## ${section}\\b`, 'm'), `docs/codes/${id}.md lacks "## ${section}"`);
      });

      it('links its page from the findings that carry it', () => {
        const href = docsHref(id, docsBaseUrl);
        assert.ok(href && fs.existsSync(fileURLToPath(href)), `${href} does not exist`);
      });

      if (BUILT_CASES[id]) return;
      it('has bad/good fixtures: bad raises the code (with its link), good does not', () => {
        const fixture = (which: string) => path.join(fixturesDir, 'codes', id, `${which}.yaml`);
        for (const which of ['bad', 'good']) assert.ok(fs.existsSync(fixture(which)), `missing test/fixtures/codes/${id}/${which}.yaml`);
        const bad = findingsOf(id, fs.readFileSync(fixture('bad'), 'utf8')).filter((f) => f.code === id);
        assert.ok(bad.length > 0, `bad.yaml raises no ${id}`);
        for (const finding of bad) assert.equal(finding.href, docsHref(id, docsBaseUrl));
        if (id !== 'config-file') assert.equal(bad[0].severity, entry.defaultSeverity);
        const good = findingsOf(id, fs.readFileSync(fixture('good'), 'utf8')).filter((f) => f.code === id);
        assert.deepEqual(good.map((f) => f.message), [], `good.yaml raises ${id}`);
      });
    });
  }

  it('file-too-large: a text over the 32 MB editor limit gets one notice at its start, linked, and nothing else', () => {
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: big\ndata:\n  blob: "${'x'.repeat(MAX_FILE_LENGTH)}"\n`;
    const findings = service.validator.validate(parseManifest(text), defaultSettings({ docsBaseUrl }));
    assert.deepEqual(
      findings.map((f) => [f.code, f.severity, f.start, f.href]),
      [['file-too-large', 'info', 0, docsHref('file-too-large', docsBaseUrl)]],
    );
  });

  it('invalid-value: a schema folder with `minimum: 0` on Deployment replicas rejects -1 in the schema\'s words', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-schema-'));
    try {
      const shipped = path.join(repoRoot, 'schemas', 'v1.36');
      fs.copyFileSync(path.join(shipped, 'index.json'), path.join(dir, 'index.json'));
      const definitions = JSON.parse(fs.readFileSync(path.join(shipped, '_definitions.json'), 'utf8')) as {
        definitions: Record<string, { properties: Record<string, Record<string, unknown>> }>;
      };
      definitions.definitions['apps.v1.DeploymentSpec'].properties.replicas.minimum = 0;
      fs.writeFileSync(path.join(dir, '_definitions.json'), JSON.stringify(definitions));
      const strict = createLanguageService({ schemaDir: dir });
      const deployment = (replicas: number) =>
        `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: ${replicas}\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27.3\n`;
      const codesOf = (replicas: number) =>
        strict.validator
          .validate(parseManifest(deployment(replicas)), defaultSettings({ docsBaseUrl }))
          .filter((f) => f.code === 'invalid-value')
          .map((f) => [f.message, f.severity, f.href]);
      assert.deepEqual(codesOf(-1), [['replicas must be >= 0', 'error', docsHref('invalid-value', docsBaseUrl)]]);
      assert.deepEqual(codesOf(2), []);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('every published finding links its code page (codeDescription.href)', () => {
  const yamlFiles = fs
    .readdirSync(fixturesDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

  it(`over all ${yamlFiles.length} fixture files, at the oldest and the newest supported version`, () => {
    const seen = new Set<string>();
    for (const file of yamlFiles) {
      const text = fs.readFileSync(file, 'utf8');
      for (const kubernetesVersion of ['1.27', '1.36']) {
        for (const finding of service.validator.validate(parseManifest(text), defaultSettings({ docsBaseUrl, kubernetesVersion }))) {
          seen.add(finding.code);
          assert.ok(finding.href, `${path.relative(repoRoot, file)}: ${finding.code} has no link`);
          assert.ok(fs.existsSync(fileURLToPath(finding.href)), `${finding.code} links ${finding.href}, which does not exist`);
        }
      }
    }
    // The run is only as good as what it saw: most codes must have appeared.
    assert.ok(seen.size >= 30, `only ${seen.size} codes seen: ${[...seen].join(', ')}`);
  });
});
