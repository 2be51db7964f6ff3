import type { Diagnostic, Range } from 'vscode-languageserver-types';
import type { LineIndex } from './parse/line-index';
import type { Severity } from './settings';

export const DIAGNOSTIC_SOURCE = 'sidecar';

/** A problem found in a file, by offsets; positions are computed only when it leaves the core. */
export interface Finding {
  /** Stable kebab-case id: a rule id or a schema/YAML problem code. */
  code: string;
  severity: Severity;
  message: string;
  start: number;
  end: number;
  /** Link to the rule's page. */
  href?: string;
  /** What the quick fix for this code needs. */
  data?: Record<string, unknown>;
  /** Greyed-out rendering (unused things). */
  unnecessary?: boolean;
  /** Places in other files that belong to it (a kustomize base's node a merged-pod finding is on). */
  related?: RelatedPlace[];
}

/** A place in another file (absolute `/`-separated path), with what it is. */
export interface RelatedPlace {
  file: string;
  range: Range;
  message: string;
}

const LSP_SEVERITY: Record<Severity, 1 | 2 | 3 | 4> = { error: 1, warning: 2, info: 3, hint: 4 };

/** The finding as an LSP diagnostic; `uriOf` names the files of related places (left out without it). */
export function toDiagnostic(finding: Finding, lines: LineIndex, uriOf?: (file: string) => string): Diagnostic {
  const diagnostic: Diagnostic = {
    range: lines.rangeOf(finding.start, finding.end),
    severity: LSP_SEVERITY[finding.severity],
    source: DIAGNOSTIC_SOURCE,
    code: finding.code,
    message: finding.message,
  };
  if (finding.href) diagnostic.codeDescription = { href: finding.href };
  if (finding.data) diagnostic.data = finding.data;
  if (finding.unnecessary) diagnostic.tags = [1];
  if (finding.related?.length && uriOf) diagnostic.relatedInformation = finding.related.map((place) => ({ location: { uri: uriOf(place.file), range: place.range }, message: place.message }));
  return diagnostic;
}

export function shiftFinding(finding: Finding, by: number): Finding {
  return by === 0 ? finding : { ...finding, start: finding.start + by, end: finding.end + by };
}
