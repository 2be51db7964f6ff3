import { execFileSync } from 'node:child_process';

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
