import { execFileSync, spawnSync } from 'node:child_process';

/** Whether the reference kustomize (`kubectl kustomize`, Kustomize v5.5.0 on this machine and CI) is on PATH. */
export const kubectlAvailable = (() => {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** For `it(..., { skip })`: false, or the visible reason the oracle test does not run. */
export const skipWithoutKubectl: false | string = kubectlAvailable ? false : 'skipped: kubectl is not on PATH, so there is no reference rendering';

/** `kubectl kustomize DIR`'s output (its deprecation warnings on stderr are dropped). */
export function kubectlKustomizeText(dir: string): string {
  return execFileSync('kubectl', ['kustomize', dir], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
}

/** Why `kubectl kustomize DIR` refuses to build, as it prints it (escapes of its quoted form undone), or undefined when it builds. */
export function kubectlKustomizeError(dir: string): string | undefined {
  const run = spawnSync('kubectl', ['kustomize', dir], { encoding: 'utf8' });
  if (run.status === 0) return undefined;
  return run.stderr.replace(/\\(["\\])/g, '$1');
}
