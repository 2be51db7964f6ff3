// What issue 16 asked of the CLI's output: paths people can open, findings grouped per file with a per-rule
// summary, eslint's --min-severity/--max-warnings, code frames that stay readable on a minified line, and SARIF
// help that works in code scanning (no file: URI; the rule page itself in help.markdown).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { JsonReport } from '../../../server/src/cli';
import { codeFrame, MAX_FRAME_COLUMNS } from '../../../server/src/cli/format-text';
import { fixturesDir, repoRoot } from '../helpers';
import { runCli } from './cli-io';

const project = path.join(fixturesDir, 'cli', 'project');
const pod = path.join(project, 'apps', 'pod.yml');

describe('sidecar-lint output people can use', () => {
  it('prints a file outside the working folder by its absolute path, one below it relative', async () => {
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'sidecar-cwd-'));
    const outside = JSON.parse((await runCli(['-f', 'json', pod], { cwd: elsewhere })).stdout) as JsonReport;
    assert.equal(outside.files[0].path, pod.split(path.sep).join('/'));
    const inside = JSON.parse((await runCli(['-f', 'json', pod], { cwd: project })).stdout) as JsonReport;
    assert.equal(inside.files[0].path, 'apps/pod.yml');
  });

  it('groups findings under a heading per file and ends with a count per rule', async () => {
    const { stdout } = await runCli(['apps/pod.yml'], { cwd: project });
    assert.match(stdout, /^apps\/pod\.yml \(\d+ errors?(, \d+ \w+)*\)$/m);
    const byRule = stdout.slice(stdout.indexOf('\nBy rule:\n'));
    assert.match(byRule, /^ {2}unknown-field +1 error$/m);
    const report = JSON.parse((await runCli(['-f', 'json', 'apps/pod.yml'], { cwd: project })).stdout) as JsonReport;
    const codes = new Set(report.files[0].messages.map((m) => m.ruleId));
    for (const code of codes) assert.match(byRule, new RegExp(`^ {2}${code} `, 'm'), code);
  });

  it('--min-severity leaves out lower levels; --quiet is --min-severity error', async () => {
    const levels = async (args: string[]) => {
      const report = JSON.parse((await runCli(['-f', 'json', ...args, 'apps/pod.yml'], { cwd: project })).stdout) as JsonReport;
      return new Set(report.files[0].messages.map((m) => m.severity));
    };
    const all = await levels([]);
    assert.ok(all.has('error') && all.has('warning'), `fixture needs errors and warnings, has ${[...all].join(', ')}`);
    assert.deepEqual([...(await levels(['--min-severity', 'warning']))].sort(), [...all].filter((l) => l === 'error' || l === 'warning').sort());
    assert.deepEqual([...(await levels(['--min-severity', 'error']))], ['error']);
    assert.deepEqual([...(await levels(['--quiet']))], ['error']);
    const bad = await runCli(['--min-severity', 'loud', 'apps/pod.yml'], { cwd: project });
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--min-severity expects one of error, warning, info, hint/);
  });

  it('--max-warnings n exits 1 on more than n warnings, 0 on n', async () => {
    const report = JSON.parse((await runCli(['-f', 'json', 'apps/pod.yml'], { cwd: project })).stdout) as JsonReport;
    const warnings = report.files[0].messages.filter((m) => m.severity === 'warning').length;
    assert.ok(warnings > 0);
    const args = ['--fail-on', 'never', 'apps/pod.yml', '--max-warnings'];
    assert.equal((await runCli([...args, String(warnings)], { cwd: project })).code, 0);
    const over = await runCli([...args, String(warnings - 1)], { cwd: project });
    assert.equal(over.code, 1);
    assert.match(over.stderr, new RegExp(`${warnings} warnings, more than --max-warnings ${warnings - 1}`));
    assert.equal((await runCli(['--max-warnings', 'many', 'apps/pod.yml'], { cwd: project })).code, 2);
  });

  it('cuts the code frame of a 22,000-character line to a window around the finding, caret in place', () => {
    const line = `data: {"blob": "${'x'.repeat(11_000)}", "bad": 1, "more": "${'y'.repeat(11_000)}"}`;
    const at = line.indexOf('"bad"');
    const frame = codeFrame(`a: 1\n${line}\n`, { severity: 'error', range: { start: { line: 1, character: at }, end: { line: 1, character: at + 5 } } }, 1);
    const [, target, carets] = frame.split('\n');
    assert.ok(target.length < MAX_FRAME_COLUMNS + 20, `frame line is ${target.length} characters`);
    assert.ok(target.includes('"bad": 1') && target.includes('…'), target);
    const caretColumn = carets.indexOf('^');
    assert.equal(target.slice(caretColumn, caretColumn + 5), '"bad"');
    assert.match(carets, /\| +\^{5}$/);
  });

  it('SARIF without a public repository: no file: helpUri, the rule page itself in help.markdown', async () => {
    const { stdout } = await runCli(['-f', 'sarif', 'apps/pod.yml'], { cwd: project });
    const log = JSON.parse(stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri?: string; help?: { text: string; markdown?: string } }[] } } }[] };
    const rules = log.runs[0].tool.driver.rules;
    assert.ok(!stdout.includes('"helpUri": "file:'), 'a file: helpUri is useless in code scanning');
    const rule = rules.find((r) => r.id === 'missing-resources');
    assert.equal(rule?.help?.markdown, fs.readFileSync(path.join(repoRoot, 'docs', 'rules', 'missing-resources.md'), 'utf8'));
  });
});
