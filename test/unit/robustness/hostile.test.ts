import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { createLanguageService } from '../../../server/src/core/language-service';
import { MAX_FILE_LENGTH, ManifestParser, parseManifest } from '../../../server/src/core/parse/manifest';
import { findExcessiveNesting, MAX_NESTING_DEPTH } from '../../../server/src/core/parse/nesting';
import { defaultSettings } from '../../../server/src/core/settings';
import { fixturesDir, repoRoot, toCrlf } from '../helpers';
import { parseConfigFile } from '../../../server/src/core/config-file';
import { codeActions } from '../../../server/src/core/features/code-actions';
import { hover } from '../../../server/src/core/features/hover';
import { buildTopology } from '../../../server/src/core/features/topology';
import { runWholeCore } from './run-core';

const service = createLanguageService();
const settings = defaultSettings();

/**
 * Runs the whole core and returns the findings. No time limit here (a busy machine makes any limit flaky): that
 * each step is linear in its input is measured by ratio in linear-time.test.ts; these tests check the outcome.
 */
function runAll(text: string) {
  const offsets = [0, Math.floor(text.length / 2), text.length];
  return runWholeCore(service, new ManifestParser(), text, settings, offsets);
}

const POD = `apiVersion: v1
kind: Pod
metadata:
  name: web
spec:
  containers:
  - name: app
    image: nginx:1.27
    bogus: true
`;


describe('hostile input', () => {
  it('an alias bomb ("billion laughs") is bounded and reported as alias-limit', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const text = `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lol\ndata:\n  ${levels.join('\n  ')}\n`;
    const { findings } = runAll(text);
    const alias = findings.filter((f) => f.code === 'alias-limit');
    assert.equal(alias.length, 1);
    assert.equal(text.slice(alias[0].start, alias[0].start + 1), '*', 'underlines an alias');
  });

  for (const name of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty']) {
    it(`a document of kind "${name}" leaves the other documents' findings, hover and topology intact`, () => {
      const text = `${POD}---\napiVersion: v1\nkind: ${name}\nmetadata:\n  ${name}: x\nspec:\n  ${name}: {}\n---\n${POD.replace('bogus', name)}`;
      const { findings, file } = runAll(text);
      assert.equal(file.slots.length, 3);
      const unknown = findings.filter((f) => f.code === 'unknown-field').map((f) => text.slice(f.start, f.end));
      assert.deepEqual(unknown, ['bogus', name], 'both Pods are checked; the field named like a prototype member is unknown too');
      const middle = findings.filter((f) => f.start >= file.slots[1].start && f.start < file.slots[2].start);
      assert.deepEqual(middle.map((f) => f.code), ['unknown-kind'], 'the prototype-named kind is an unknown kind, nothing more');
      const third = file.slots[2].start;
      assert.ok(hover(service, file, third + text.slice(third).indexOf('image'), settings, findings), 'hover answers in the last document');
      assert.equal(buildTopology(file, { offset: third + 30, findings, fileName: 'x.yaml' }).length, 2);
    });
  }

  it('prototype names as keys and values are plain unknown names: no schema, rule, severity or fix behind them', () => {
    const names = ['constructor', '__proto__', 'toString', 'valueOf'];
    for (const name of names) {
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\nspec:\n  ${name}: 1\n  containers:\n  - name: ${name}\n    image: ${name}\n    ${name}: x\n    resources: {limits: {${name}: 1}}\n`;
      const { findings, file } = runAll(text);
      const unknown = findings.filter((f) => f.code === 'unknown-field').map((f) => text.slice(f.start, f.end));
      assert.deepEqual(unknown, [name, name], `${name} is no field of PodSpec or Container`);
      const onKey = text.indexOf(`  ${name}: 1`) + 3;
      assert.doesNotMatch(JSON.stringify(hover(service, file, onKey, settings, findings) ?? {}), /function|native code/);
      const config = parseConfigFile(`rules:\n  image-tag: ${name}\n`);
      assert.equal(config.settings.rules?.['image-tag'], undefined, `severity "${name}" is refused`);
      assert.match(config.problems[0].message, /Bad severity/);
      const diagnostic = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: '', code: name };
      assert.deepEqual(codeActions(service, file, { start: 0, end: 0 }, [{ code: name, start: 0, end: 1, data: {}, diagnostic }], settings, { uri: 'file:///x.yaml', only: ['quickfix'] }).actions, []);
    }
  });

  it('an alias used before its anchor is an unresolved alias at the alias, not an alias bomb', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  a: *later\n  b: &later hi\n  c: *later\n';
    const { findings } = runAll(text);
    assert.deepEqual(findings.map((f) => [f.code, text.slice(f.start, f.end)]), [['yaml-syntax', '*later']]);
    assert.match(findings[0].message, /alias \*later refers to no anchor before it/);
  });

  it('a file with tens of thousands of problems reports 1,000 and one too-many-problems notice', () => {
    // 49 KB on three lines: every `]` is a syntax error of its own.
    const text = `apiVersion: v1\nkind: Pod\nspec: ${']'.repeat(50_000)}\n`;
    const { findings } = runAll(text);
    assert.equal(findings.length, 1001);
    const notice = findings[findings.length - 1];
    assert.equal(notice.code, 'too-many-problems');
    assert.equal(notice.severity, 'info');
    assert.match(notice.message, /^[\d,]+ more problems in this file are not shown \(at most 1,000 per file\)/);
    const more = Number(/^([\d,]+)/.exec(notice.message)?.[1].replace(/,/g, ''));
    assert.ok(more > 10_000, notice.message);
    const off = service.validator.validate(parseManifest(text), { ...settings, rules: { 'too-many-problems': 'off' } });
    assert.equal(off.length, 1000);
  });

  it(`a file over the editor's 32 MB limit is declined with one file-too-large notice, without parsing a document`, () => {
    const chunk = `---\n${POD}`;
    const text = chunk.repeat(Math.ceil((MAX_FILE_LENGTH + 1024 * 1024) / chunk.length));
    assert.ok(text.length > MAX_FILE_LENGTH);
    // The work done is the measure: no document of the file is split off or parsed (slots stay empty).
    const { findings, file } = runAll(text);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['file-too-large', 'info']]);
    assert.match(findings[0].message, /33\.0 MB, more than the 32 MB that the editor checks/);
    assert.match(findings[0].message, /sidecar-lint checks it, document by document, at any size/);
    assert.equal(file.slots.length, 0);
  });

  it('a file just under the limit is still checked', () => {
    const chunk = `---\n${POD}`;
    const text = chunk.repeat(Math.floor(200_000 / chunk.length));
    const findings = service.validator.validate(parseManifest(text), settings);
    assert.ok(findings.some((f) => f.code === 'unknown-field'));
  });

  for (const [shape, body] of [
    ['flow sequences', `${'['.repeat(10_000)}${']'.repeat(10_000)}`],
    ['flow maps', `${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}`],
    ['compact block sequences', `\n${'- '.repeat(10_000)}1`],
  ] as const) {
    it(`10,000 levels of ${shape} give one nesting-limit problem, no stack overflow`, () => {
      const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: deep\nspec: ${body}\n`;
      const { findings } = runAll(text);
      assert.deepEqual(findings.map((f) => f.code), ['nesting-limit']);
      assert.match(findings[0].message, new RegExp(`more than ${MAX_NESTING_DEPTH} levels`));
    });
  }

  it('deep indentation (a thousand levels, one space each) is refused too', () => {
    let text = 'apiVersion: v1\nkind: Pod\nmetadata:\n';
    for (let i = 0; i < 1000; i++) text += `${' '.repeat(i + 1)}k${i}:\n`;
    const { findings } = runAll(text);
    assert.deepEqual(findings.map((f) => f.code), ['nesting-limit']);
  });

  it('the nesting estimate never flags a real manifest', () => {
    const files = [
      ...fs.readdirSync(fixturesDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && /\.ya?ml$/.test(e.name)).map((e) => path.join(e.parentPath, e.name)),
      ...fs.readdirSync(path.join(repoRoot, 'examples')).filter((n) => /\.ya?ml$/.test(n)).map((n) => path.join(repoRoot, 'examples', n)),
    ];
    assert.ok(files.length > 10);
    // The one fixture that is too deep on purpose (the bad case of the nesting-limit code) is no real manifest.
    const tooDeep = path.join(fixturesDir, 'codes', 'nesting-limit', 'bad.yaml');
    assert.notEqual(findExcessiveNesting(fs.readFileSync(tooDeep, 'utf8')), -1);
    for (const file of files.filter((f) => f !== tooDeep)) assert.equal(findExcessiveNesting(fs.readFileSync(file, 'utf8')), -1, file);
    // Brackets inside quotes and comments do not count.
    assert.equal(findExcessiveNesting(`a: "${'['.repeat(1000)}"\nb: '${'{'.repeat(1000)}'\n# ${'['.repeat(1000)}\n`), -1);
  });

  it('a binary file (NUL bytes) is declined with a clear message', () => {
    let seed = 7;
    const bytes = Buffer.from(Array.from({ length: 4096 }, () => (seed = (seed * 1103515245 + 12345) & 0xff)));
    bytes[10] = 0;
    const text = `apiVersion: v1\nkind: Pod\n${bytes.toString('latin1')}`;
    const { findings } = runAll(text);
    assert.deepEqual(findings.map((f) => [f.code, f.severity]), [['binary-file', 'info']]);
    assert.match(findings[0].message, /binary/);
  });

  it('a Helm template gets one templated-yaml notice per broken document and no flood of syntax errors', () => {
    const text = fs.readFileSync(path.join(fixturesDir, 'hostile', 'helm-deployment.yaml'), 'utf8');
    const { findings, file } = runAll(text);
    const syntax = findings.filter((f) => f.code === 'yaml-syntax');
    assert.equal(syntax.length, 0, 'syntax errors of templated documents are folded into the notice');
    const notices = findings.filter((f) => f.code === 'templated-yaml');
    const brokenDocuments = file.slots.filter((s) => s.document.templated && s.document.hasSyntaxErrors);
    assert.ok(brokenDocuments.length >= 1);
    assert.equal(notices.length, brokenDocuments.length);
    assert.ok(findings.length <= file.slots.length * 3, `few findings, got ${findings.map((f) => f.code).join(', ')}`);
    for (const notice of notices) assert.equal(text.slice(notice.start, notice.end), '{{');
  });

  it('CRLF line breaks and a byte-order mark keep findings on the right text', () => {
    const lf = service.validator.validate(parseManifest(POD), settings);
    const crlfText = `\uFEFF${toCrlf(POD)}`;
    const file = parseManifest(crlfText);
    const crlf = service.validator.validate(file, settings);
    assert.deepEqual(crlf.map((f) => f.code).sort(), lf.map((f) => f.code).sort());
    const unknown = crlf.find((f) => f.code === 'unknown-field');
    assert.ok(unknown);
    assert.equal(crlfText.slice(unknown.start, unknown.end), 'bogus');
    assert.deepEqual(file.lineIndex.positionAt(unknown.start), { line: 8, character: 4 });
  });

  it('a document of comments only, an empty file and a lone --- are quiet', () => {
    for (const text of ['# nothing here\n# at all\n', '', '---\n', '---\n# a\n---\n# b\n', '\uFEFF', '\r\n\r\n']) {
      const { findings } = runAll(text);
      assert.deepEqual(findings, [], JSON.stringify(text));
    }
  });

  it('lone surrogates, right-to-left marks and control characters do not break anything', () => {
    const text = `apiVersion: v1\nkind: Pod\nmetadata:\n  name: "\uD800x\u202E\u0007"\nspec:\n  containers:\n  - name: \uDC00\n    image: "nginx:\u0085"\n`;
    runAll(text);
  });
});
