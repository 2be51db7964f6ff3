// examples/README.md tells a newcomer what each example shows. This runs sidecar-lint over examples/ and holds
// the table to it: a listed file shows exactly the rules (at the levels) its row names, an unlisted file shows
// nothing, and every quick fix the table names is offered. When a change makes an example give other findings,
// this fails until the table says so.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { describe, it } from 'node:test';
import { actionsFor } from '../code-actions/harness';
import { runCli } from '../cli/cli-io';
import { repoRoot } from '../helpers';

const examplesDir = path.join(repoRoot, 'examples');
const readme = fs.readFileSync(path.join(examplesDir, 'README.md'), 'utf8');

interface Row {
  file: string;
  /** `severity code` pairs the row promises, e.g. "error undefined-volume". */
  findings: Set<string>;
}

function tableRows(): Row[] {
  const rows: Row[] = [];
  for (const line of readme.split('\n')) {
    const link = /^\| \[[^\]]+\]\(([^)]+)\) \|/.exec(line);
    if (!link) continue;
    const findings = new Set([...line.matchAll(/\*\*(error|warning|info|hint)\*\* `([a-z][a-z0-9-]*)`/g)].map((m) => `${m[1]} ${m[2]}`));
    rows.push({ file: `examples/${link[1]}`, findings });
  }
  return rows;
}

interface JsonReport {
  files: { path: string; skipped: boolean; messages: { ruleId: string; severity: string }[] }[];
}

async function lintExamples(): Promise<Map<string, Set<string>>> {
  const run = await runCli(['examples', '--format', 'json'], { cwd: repoRoot });
  assert.equal(run.stderr, '');
  const report = JSON.parse(run.stdout) as JsonReport;
  return new Map(report.files.map((f) => [f.path, new Set(f.messages.map((m) => `${m.severity} ${m.ruleId}`))]));
}

/** The quick fixes the table names: file, diagnostic code, action title. */
const NAMED_FIXES: readonly [string, string, RegExp][] = [
  ['job-classic-sidecar.yaml', 'unknown-field', /^Rename to "volumeMounts"$/],
  ['job-classic-sidecar.yaml', 'job-classic-sidecar', /native sidecar/],
  ['job-classic-sidecar.yaml', 'undefined-volume', /^Change to volume "cloudsql-credentials"$/],
  ['pod-multi-sidecar.yaml', 'port-conflict', /^Change port to/],
  ['pod-multi-sidecar.yaml', 'image-tag', /^Pin prom\/statsd-exporter:/],
  ['pod-multi-sidecar.yaml', 'missing-resources', /sidecar-sized/],
  ['pod-multi-sidecar.yaml', 'shipper-mount-read-only', /read-only/],
  ['pod-multi-sidecar.yaml', 'emptydir-size-limit', /sizeLimit/],
  ['pod-multi-sidecar.yaml', 'proxy-start-order', /Convert "envoy" to a native sidecar/],
  ['compose/compose.yaml', 'compose-ports-with-shared-network', /^Publish the ports on "app"$/],
  ['compose/compose.yaml', 'compose-undeclared-volume', /^Change to volume "app-logs"$/],
  ['compose/compose.yaml', 'compose-sidecar-restart', /^Add restart: unless-stopped$/],
];

describe('examples/ and their README table', () => {
  const rows = tableRows();

  it('the table lists existing files, each once', () => {
    assert.ok(rows.length >= 8, `only ${rows.length} rows in examples/README.md`);
    const seen = new Set<string>();
    for (const row of rows) {
      assert.ok(fs.existsSync(path.join(repoRoot, row.file)), `${row.file} is in the table but does not exist`);
      assert.ok(!seen.has(row.file), `${row.file} is listed twice`);
      seen.add(row.file);
    }
  });

  it('each listed file gives exactly the findings its row names; unlisted files give none', async () => {
    const actual = await lintExamples();
    for (const row of rows) {
      const got = actual.get(row.file);
      assert.ok(got, `sidecar-lint did not report on ${row.file}`);
      assert.deepEqual([...got].sort(), [...row.findings].sort(), `${row.file}: sidecar-lint's findings differ from the README table`);
    }
    const listed = new Set(rows.map((r) => r.file));
    for (const [file, findings] of actual) {
      if (!listed.has(file)) assert.deepEqual([...findings], [], `${file} has findings but no row in examples/README.md`);
    }
  });

  it('together they show errors, warnings and infos from at least six rules', async () => {
    const all = [...(await lintExamples()).values()].flatMap((s) => [...s]);
    const rules = new Set(all.map((f) => f.split(' ')[1]));
    assert.ok(rules.size >= 6, `only ${rules.size} rules: ${[...rules].join(', ')}`);
    for (const level of ['error', 'warning', 'info']) assert.ok(all.some((f) => f.startsWith(`${level} `)), `no ${level} in examples/`);
  });

  it('offers every quick fix the table names', () => {
    for (const [file, code, title] of NAMED_FIXES) {
      assert.ok(readme.includes(`\`${code}\``), `${code} is not in the table`);
      const { actions } = actionsFor(fs.readFileSync(path.join(examplesDir, file), 'utf8'), code);
      assert.ok(actions.some((a) => title.test(a.title)), `${file} ${code}: no action ${title}; got ${actions.map((a) => a.title).join(' | ')}`);
    }
  });
});
