/**
 * Where rule pages (`docs/rules/<id>.md`) are linked from CLI output and SARIF. Code-scanning UIs open help
 * links in a browser, so an `https://` repository URL (package.json `repository`) is preferred, pointing at the
 * default branch (`blob/HEAD`, which GitHub-like hosts resolve); without one the pages of the installed copy
 * are linked as `file://` URIs.
 */
export function docsBaseUrl(repository: unknown, installedDocsUri: string): string {
  const url = repositoryUrl(repository);
  if (url) return `${url}/blob/HEAD/docs/rules/`;
  return installedDocsUri.endsWith('/') ? installedDocsUri : `${installedDocsUri}/`;
}

/** The browsable https URL of a package.json `repository` field, or undefined. */
export function repositoryUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : repository && typeof repository === 'object' ? (repository as { url?: unknown }).url : undefined;
  if (typeof raw !== 'string') return undefined;
  const match = /^(?:git\+)?(https:\/\/[^\s#]+?)(?:\.git)?\/?(?:#.*)?$/.exec(raw.trim());
  return match ? match[1] : undefined;
}
