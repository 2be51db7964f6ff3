import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv, { type ValidateFunction } from 'ajv';
import {
  artifactLocationOf,
  catalog,
  codeFrame,
  docsBaseUrl,
  fileUri,
  formatText,
  lintText,
  repositoryUrl,
  toJsonReport,
  toSarif,
  type FileResult,
  type SarifLog,
} from '../../../server/src/cli';
import { createLanguageService } from '../../../server/src/core/language-service';
import { defaultSettings } from '../../../server/src/core/settings';
import { fixturesDir, readFixture } from '../helpers';
import { runCli } from './cli-io';

const service = createLanguageService();
const settings = defaultSettings();

function resultFor(relative: string): FileResult {
  const text = readFixture('cli', 'project', ...relative.split('/'));
  return { path: relative, absolutePath: path.join('/repo', relative), ...lintText(service, text, settings) };
}

/**
 * The official SARIF 2.1.0 schema (vendored: test/fixtures/sarif/README.md). It declares draft-04 but uses
 * nothing that differs in draft-07 except the `id` keyword, so ajv's default draft reads it once `id` is `$id`.
 */
function sarifValidator(): ValidateFunction {
  const schema = JSON.parse(fs.readFileSync(path.join(fixturesDir, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as Record<string, unknown>;
  const { id, $schema: _draft, ...rest } = schema;
  // unicodeRegExp off: one `pattern` of the schema (language tags) is not valid under the `u` flag.
  const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  // The formats the schema names, checked as the SARIF spec defines them (RFC 3986 URIs, RFC 3339 times).
  ajv.addFormat('uri', (value: string) => /^[a-z][a-z0-9+.-]*:/i.test(value) && URL.canParse(value));
  ajv.addFormat('uri-reference', (value: string) => !/\s/.test(value) && URL.canParse(value, 'file:///base/'));
  ajv.addFormat('date-time', (value: string) => /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));
  return ajv.compile({ ...rest, $id: String(id) });
}

describe('text format', () => {
  it('prints file:line:col  severity  rule-id  message and a caret under the range', () => {
    const result = resultFor('apps/pod.yml');
    const text = formatText([result], { color: false });
    const unknown = result.messages.find((m) => m.code === 'unknown-field');
    assert.ok(unknown);
    assert.match(text, /^apps\/pod\.yml:15:5 {2}error {2}unknown-field {2}Unknown field "bogusField" in Container\.$/m);
    assert.match(text, /^> 15 \| {5}bogusField: true\n {5}\| {5}\^{10}$/m);
    const errors = result.messages.filter((m) => m.severity === 'error').length;
    assert.match(text, new RegExp(`^✖ ${result.messages.length} problems \\(${errors} errors?, `, 'm'));
    assert.ok(!text.includes('\u001b['), 'no colours unless asked');
    assert.ok(formatText([result], { color: true }).includes(`\u001b[31m${'^'.repeat(10)}\u001b[0m`));
  });

  it('draws frames for CRLF files and keeps the caret under the right column after tabs', () => {
    const frame = codeFrame('a: 1\r\n\tb: 2\r\nc: 3\r\n', { severity: 'error', range: { start: { line: 1, character: 1 }, end: { line: 1, character: 2 } } }, 1);
    assert.equal(frame, '  1 | a: 1\n> 2 | \tb: 2\n    | \t^\n  3 | c: 3');
  });

  it('shows control characters from the file as replacement characters, never raw', () => {
    const frame = codeFrame('a: "\u001b[31mred"\n', { severity: 'error', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } } }, 0);
    assert.ok(!frame.includes('\u001b'));
  });

  it('says so when everything is clean', () => {
    assert.match(formatText([resultFor('nested/clean.yaml')], { color: false }), /^✔ no problems \(1 file checked\)\n$/);
  });
});

describe('json format', () => {
  it('gives 1-based positions with an exclusive end, rule ids and a summary', () => {
    const result = resultFor('nested/bom-crlf.yaml');
    const report = toJsonReport([result], { name: 'sidecar-lint', version: '0.0.0' }, '1.34');
    const invalid = report.files[0].messages.find((m) => m.ruleId === 'invalid-enum');
    // Line 9 is `    imagePullPolicy: Sometimes`: the value starts at column 22 and is 9 characters long.
    assert.deepEqual(invalid && [invalid.line, invalid.column, invalid.endLine, invalid.endColumn], [9, 22, 9, 31]);
    assert.equal(report.summary.counts.error, result.messages.filter((m) => m.severity === 'error').length);
  });
});

describe('sarif format', () => {
  const validate = sarifValidator();

  it('validates against the SARIF 2.1.0 schema, for the fixtures and for an unreadable file', () => {
    const results = ['apps/pod.yml', 'apps/web.yaml', 'nested/deeper/broken.yaml', 'nested/bom-crlf.yaml', 'not-k8s/ci.yaml'].map(resultFor);
    results.push({ path: 'gone.yaml', absolutePath: '/repo/gone.yaml', messages: [], skipped: false, error: 'Cannot read the file: it does not exist' });
    const log = toSarif(results, {
      tool: { name: 'sidecar-lint', version: '0.1.0', informationUri: 'https://example.invalid/sidecar-lsp' },
      catalog: catalog(service.rules),
      srcRoot: '/repo',
      docsBaseUrl: 'https://example.invalid/sidecar-lsp/blob/HEAD/docs/rules/',
    });
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(log.runs[0].invocations[0].executionSuccessful, false);

    // The schema must be able to fail: a region with line 0 is not SARIF.
    const broken = JSON.parse(JSON.stringify(log)) as SarifLog;
    broken.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    assert.equal(validate(broken), false);
  });

  it('lists every rule and schema code, points each result at its rule by index, with 1-based regions', () => {
    const result = resultFor('apps/pod.yml');
    const log = toSarif([result], { tool: { name: 'sidecar-lint', version: '0.1.0' }, catalog: catalog(service.rules), srcRoot: '/repo', docsBaseUrl: 'https://x.invalid/docs/rules/' });
    const run = log.runs[0];
    const ids = run.tool.driver.rules.map((r) => r.id);
    for (const rule of service.rules) assert.ok(ids.includes(rule.id), rule.id);
    for (const code of ['unknown-field', 'invalid-type', 'missing-required-field', 'yaml-syntax']) assert.ok(ids.includes(code), code);
    for (const rule of service.rules) assert.equal(run.tool.driver.rules[ids.indexOf(rule.id)].helpUri, `https://x.invalid/docs/rules/${rule.id}.md`);
    assert.equal(run.results.length, result.messages.length);
    for (const r of run.results) assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
    const unknown = run.results.find((r) => r.ruleId === 'unknown-field');
    assert.deepEqual(unknown?.locations[0].physicalLocation, {
      artifactLocation: { uri: 'apps/pod.yml', uriBaseId: '%SRCROOT%' },
      region: { startLine: 15, startColumn: 5, endLine: 15, endColumn: 15 },
    });
    assert.equal(run.originalUriBaseIds?.['%SRCROOT%'].uri, 'file:///repo/');
  });

  it('the CLI writes valid SARIF for the whole fixture project', async () => {
    const run = await runCli(['--format', 'sarif', '.'], { cwd: path.join(fixturesDir, 'cli', 'project') });
    const log = JSON.parse(run.stdout) as SarifLog;
    assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
    assert.ok(log.runs[0].results.length > 0);
    assert.equal(run.code, 1);
  });

  it('uses relative URIs below the source root and absolute file URIs elsewhere', () => {
    assert.deepEqual(artifactLocationOf({ path: 'a b/c.yaml', absolutePath: '/repo/a b/c.yaml' }, '/repo'), { uri: 'a%20b/c.yaml', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(artifactLocationOf({ path: '../x.yaml', absolutePath: '/x.yaml' }, '/repo'), { uri: 'file:///x.yaml' });
    assert.deepEqual(artifactLocationOf({ path: '<stdin>' }, '/repo'), { uri: '%3Cstdin%3E' });
    assert.equal(fileUri('C:\\work\\a.yaml'), 'file:///C:/work/a.yaml');
  });
});

describe('rule documentation links', () => {
  it('prefer the https repository, else the installed docs folder', () => {
    assert.equal(repositoryUrl({ type: 'git', url: 'git+https://github.com/o/r.git' }), 'https://github.com/o/r');
    assert.equal(repositoryUrl('https://example.invalid/sidecar-lsp.git'), 'https://example.invalid/sidecar-lsp');
    assert.equal(repositoryUrl('git@github.com:o/r.git'), undefined);
    assert.equal(docsBaseUrl({ url: 'https://h.invalid/o/r.git' }, 'file:///x/docs/rules'), 'https://h.invalid/o/r/blob/HEAD/docs/rules/');
    assert.equal(docsBaseUrl(undefined, 'file:///x/docs/rules'), 'file:///x/docs/rules/');
  });
});
