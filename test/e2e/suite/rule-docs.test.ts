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
    // Every rule finding links its page; schema and YAML problems have no page and no link.
    for (const d of diagnostics) {
      if (typeof d.code === 'object') assert.ok(d.code.target.path.endsWith(`/docs/rules/${d.code.value}.md`), String(d.code.value));
    }
  });
});
