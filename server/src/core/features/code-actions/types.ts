import type { YamlEditor, TextChange } from '../../edit/yaml-edit';
import type { FeatureServices } from '../services';
import type { ParsedDocument } from '../../parse/document';
import type { DocumentSlot, ManifestFile } from '../../parse/manifest';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import type { Settings } from '../../settings';

export const QUICK_FIX = 'quickfix';
export const REFACTOR_REWRITE = 'refactor.rewrite';

/** Everything a fix needs, read from the parsed document at the diagnostic's range. */
export interface FixContext {
  service: FeatureServices;
  file: ManifestFile;
  slot: DocumentSlot;
  document: ParsedDocument;
  editor: YamlEditor;
  settings: Settings;
  /** The diagnostic's span, relative to the document's chunk. */
  start: number;
  end: number;
  /** The diagnostic's `data` (node paths and names), or {} when the client dropped it. */
  data: Record<string, unknown>;
  /** The pod spec and container that hold the diagnostic's span, when there is one. */
  pod?: PodSpecModel;
  container?: ContainerModel;
}

/** One proposed edit of one document chunk. */
export interface FixProposal {
  title: string;
  changes: TextChange[];
  isPreferred?: boolean;
  /** quickfix (default) or refactor.rewrite. */
  kind?: string;
}

/** Builds the fixes for one diagnostic code; returns [] when the document does not fit (flow style, gone node…). */
export type QuickFixProvider = (context: FixContext) => FixProposal[];

/** Changes are kept only when every part could be computed: a half-applied fix would break the document. */
export function proposal(title: string, changes: (TextChange | undefined)[], extra: Partial<FixProposal> = {}): FixProposal[] {
  if (changes.length === 0 || changes.some((c) => c === undefined)) return [];
  return [{ title, changes: changes as TextChange[], ...extra }];
}
