/** Types of pinned-packages.mjs, for the TypeScript tests that import it. */
export interface PinnedPackage {
  package: string;
  version: string;
  integrity: string;
}
export declare const DATA_PACKAGES: Readonly<Record<string, PinnedPackage>>;
export declare function dataPackageDir(name: string): string;
export declare function benchPeerServer(): string;
