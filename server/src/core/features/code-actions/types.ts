import type { YamlEditor, TextChange } from '../../edit/yaml-edit';
import type { FeatureServices } from '../services';
import type { ParsedDocument } from '../../parse/document';
import type { DocumentSlot, ManifestFile } from '../../parse/manifest';
import type { ContainerModel, PodSpecModel } from '../../model/pod';
import type { Settings } from '../../settings';
import type { Code, FixData } from '../../codes';

export const QUICK_FIX = 'quickfix';
export const REFACTOR_REWRITE = 'refactor.rewrite';

/**
 * Everything a fix for code `C` needs, read from the parsed document at the diagnostic's range. A fix serving
 * several codes takes their union: it may read the fields their data have in common.
 */
export interface FixContext<C extends Code = Code> extends FixTarget {
  /**
   * The diagnostic's `data` (node paths and names) after the one check against the code's shape
   * (core/codes `readCodeData`): each field is there with its kind, or absent (the client may drop or alter it).
   */
  data: FixData<C>;
}

/** Where a fix or a refactoring applies: the document, its editor and the pod and container at the range. */
export interface FixTarget {
  service: FeatureServices;
  file: ManifestFile;
  slot: DocumentSlot;
  document: ParsedDocument;
  editor: YamlEditor;
  settings: Settings;
  /** The diagnostic's span, relative to the document's chunk. */
  start: number;
  end: number;
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
export type QuickFixProvider<C extends Code = Code> = (context: FixContext<C>) => FixProposal[];

/** Changes are kept only when every part could be computed: a half-applied fix would break the document. */
export function proposal(title: string, changes: (TextChange | undefined)[], extra: Partial<FixProposal> = {}): FixProposal[] {
  if (changes.length === 0 || changes.some((c) => c === undefined)) return [];
  return [{ title, changes: changes as TextChange[], ...extra }];
}
