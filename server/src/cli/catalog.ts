import { catalog as codeCatalog, type CodeInfo } from '../core/codes';

/** Everything a finding's `code` can be, with what the CLI's rule list and SARIF metadata say about it. */
export type CatalogEntry = CodeInfo;

/** Every rule and every non-rule code (the table in core/codes), so `--list-rules` and SARIF name them all. */
export function catalog(rules: Parameters<typeof codeCatalog>[0]): CatalogEntry[] {
  return codeCatalog(rules);
}

/** "1.29+", "≤ 1.28", "1.27–1.28" or "" for a rule that applies to every version. */
export function versionRange(versions: CatalogEntry['versions']): string {
  if (!versions || (versions.min === undefined && versions.max === undefined)) return '';
  if (versions.min !== undefined && versions.max !== undefined) return `1.${versions.min}–1.${versions.max}`;
  if (versions.min !== undefined) return `1.${versions.min}+`;
  return `≤ 1.${versions.max}`;
}
