import * as assert from 'assert';
import * as vscode from 'vscode';
import { openYaml, waitForDiagnostics } from './helpers';

suite('rule diagnostics link to their doc page', () => {
  test('job-classic-sidecar in the docs legacy Job carries a link to docs/rules/job-classic-sidecar.md, which exists', async () => {
    const editor = await openYaml('rule-docs-job.yaml');
    const diagnostics = await waitForDiagnostics(
      editor.document.uri,
      (ds) => ds.some((d) => typeof d.code === 'object' && d.code.value === 'job-classic-sidecar'),
      'the job-classic-sidecar warning',
    );
    const finding = diagnostics.find((d) => typeof d.code === 'object' && d.code.value === 'job-classic-sidecar');
    assert.ok(finding && typeof finding.code === 'object');
    assert.strictEqual(finding.severity, vscode.DiagnosticSeverity.Warning);
    assert.strictEqual(editor.document.getText(finding.range), 'logshipper');
    const target = finding.code.target;
    assert.ok(target.path.endsWith('/docs/rules/job-classic-sidecar.md'), target.toString());
    const page = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.match(page, /^# job-classic-sidecar/m);
    // Every finding links its page: a rule's in docs/rules/, a YAML, schema or file code's in docs/codes/.
    for (const d of diagnostics) {
      assert.ok(typeof d.code === 'object', `${String(d.code)} has no link`);
      assert.ok(/\/docs\/(rules|codes)\/[a-z0-9-]+\.md$/.test(d.code.target.path) && d.code.target.path.endsWith(`/${d.code.value}.md`), String(d.code.value));
    }
  });
});
