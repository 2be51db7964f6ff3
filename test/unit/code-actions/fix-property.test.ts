import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fixturesDir, repoRoot } from '../helpers';
import { checkCorpus, yamlFilesUnder } from './fix-property';

// Every quick fix, in every style a manifest is written in: the files below rewritten in block style (2 and 4
// spaces, CRLF, with anchors and aliases), flow style and JSON; each offered quick fix applied alone must leave
// YAML that parses, as many documents, every alias after its anchor, and no error code that was not there.
// Counts per style (fixes applied, failures) go to the test output.

/**
 * The shared corpus of real manifests sits beside the repository (`../shared/corpus`, as CI checks it out); in a
 * git worktree, beside the main checkout. SIDECAR_CORPUS names another folder.
 */
function corpusDir(): string | undefined {
  const candidates = [process.env.SIDECAR_CORPUS, path.join(repoRoot, '..', 'shared', 'corpus')];
  const dotGit = path.join(repoRoot, '.git');
  if (fs.existsSync(dotGit) && fs.statSync(dotGit).isFile()) {
    // A worktree's .git file says `gitdir: <main>/.git/worktrees/<name>`.
    const gitdir = /^gitdir: (.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'))?.[1]?.trim();
    if (gitdir) candidates.push(path.join(path.resolve(repoRoot, gitdir), '..', '..', '..', '..', 'shared', 'corpus'));
  }
  return candidates.find((dir): dir is string => !!dir && fs.existsSync(dir) && fs.statSync(dir).isDirectory());
}

function check(root: string, t: { diagnostic(message: string): void }): void {
  const files = yamlFilesUnder(root);
  assert.ok(files.length > 0, `no YAML files under ${root}`);
  const counts = checkCorpus(files, root);
  const failures = [...counts.values()].flatMap((c) => c.failures);
  for (const [style, count] of counts) t.diagnostic(`${style}: ${count.files} files, ${count.applied} fixes applied, ${count.failures.length} failed`);
  for (const [style, count] of counts) assert.ok(count.applied > 0, `no fix was applied in style "${style}"`);
  assert.deepEqual(
    failures.slice(0, 5).map((f) => `${f.style} | ${f.file} | ${f.code} | ${f.title} | ${f.problem}`),
    [],
    `${failures.length} fixes broke a file`,
  );
}

describe('quick fixes keep every style valid (property test)', () => {
  const corpus = corpusDir();

  it('over ../shared/corpus in block, flow and JSON style', { skip: corpus ? false : 'no ../shared/corpus beside the repository (set SIDECAR_CORPUS)', timeout: 600_000 }, (t) => {
    if (corpus) check(corpus, t);
  });

  it("over the project's own code-action fixtures in the same styles", { timeout: 600_000 }, (t) => {
    check(path.join(fixturesDir, 'code-actions'), t);
  });
});
