export { catalog, versionRange, type CatalogEntry } from './catalog';
export { docsBaseUrl, repositoryUrl } from './docs-url';
export { formatJson, toJsonReport, type JsonFileReport, type JsonMessage, type JsonReport } from './format-json';
export { artifactLocationOf, fileUri, formatSarif, toSarif, SRCROOT, type SarifLog, type SarifOptions } from './format-sarif';
export { codeFrame, formatText, type TextFormatOptions } from './format-text';
export { globBase, globToRegExp, hasGlobMagic, matchesGlob, toSlashes } from './glob';
export { exitCodeFor, lintText, reaches, sortMessages, summarize, type FileResult, type LintMessage, type Summary } from './lint';
export { HELP, parseArguments, UsageError, type CliOptions, type OutputFormat } from './options';
