// Mocha entry point that VS Code loads via extensionTestsPath (code-server runner and test-electron
// runner alike). It runs every `*.test.js` next to it, so new areas only add a file.
import fs from 'node:fs';
import path from 'node:path';
import Mocha from 'mocha';

/** Runners parse these lines: the start marker separates workbench noise from suite output. */
export const startMarker = '[sidecar-e2e-start]';
export const resultMarker = '[sidecar-e2e-result]';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    // The first test waits for a cold server start inside a fresh VS Code; per-wait guards are tighter.
    timeout: 60_000,
    // Environment variables reach the extension host through the code-server / VS Code process.
    grep: process.env.SIDECAR_E2E_GREP || undefined,
  });
  // extension.test.js first: its activation test must see the extension start cold, before any other file
  // opens a YAML document.
  const first = 'extension.test.js';
  const testFiles = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort((a, b) => (a === first ? -1 : b === first ? 1 : a.localeCompare(b)));
  for (const file of testFiles) mocha.addFile(path.join(__dirname, file));

  console.log(`${startMarker} ${testFiles.length} test file(s)`);
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const passes = runner.stats?.passes ?? 0;
      const pending = runner.stats?.pending ?? 0;
      console.log(`${resultMarker} passed=${passes} failed=${failures} pending=${pending}`);
      if (failures > 0) reject(new Error(`${failures} e2e test(s) failed`));
      else resolve();
    });
  });
}
