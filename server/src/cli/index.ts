export { catalog, versionRange, type CatalogEntry } from './catalog';
export { docsBaseUrl, repositoryUrl } from './docs-url';
export { formatJson, jsonReportChunks, toJsonReport, type JsonFileReport, type JsonMessage, type JsonReport } from './format-json';
export { artifactLocationOf, fileUri, formatSarif, sarifChunks, toSarif, SRCROOT, type SarifLog, type SarifOptions } from './format-sarif';
export { codeFrame, formatText, textChunks, type TextFormatOptions } from './format-text';
export { blocks, jsonChunks } from './json-chunks';
export { globBase, globToRegExp, hasGlobMagic, matchesGlob, toSlashes } from '../glob';
export { exitCodeFor, lintText, reaches, sortMessages, summarize, type FileResult, type LintMessage, type Summary } from './lint';
export { HELP, parseArguments, UsageError, type CliOptions, type OutputFormat } from './options';
