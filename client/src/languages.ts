/**
 * The VS Code language ids the extension serves: YAML, and `dockercompose`, which VS Code's built-in YAML
 * extension gives compose.yaml, compose.*.yaml and *docker*compose*.yml files (its `filenamePatterns`), so a
 * Compose file is never `yaml` in a real editor. package.json's activationEvents and menus list the same ids
 * (test/unit/protocol/languages.test.ts).
 */
export const LANGUAGE_IDS: readonly string[] = ['yaml', 'dockercompose'];

export function isServedLanguage(languageId: string | undefined): boolean {
  return languageId !== undefined && LANGUAGE_IDS.includes(languageId);
}
