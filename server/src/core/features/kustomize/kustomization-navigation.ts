import { CompletionItemKind, type CompletionItem, type DocumentLink, type Location } from 'vscode-languageserver-types';
import { cursorContext } from '../completion/context';
import { spanOfProblem } from '../validation';
import type { ManifestFile } from '../../parse/manifest';
import { isKustomizationFileName, isRemote, kustomizationFileIn, type KustomizeHost } from '../../workspace/kustomize/host';
import { kustomizationPaths, pathFieldAt, type PathAccepts } from '../../workspace/kustomize/kustomization-paths';
import { pathAt } from './overlay-validation';
import { baseName, dirName, fileUri, joinPath, normalize } from '../../workspace/kustomize/paths';

/** Files a path field may list: manifests (kustomize reads YAML and JSON). */
const MANIFEST_FILE = /\.(ya?ml|json)$/i;

/** The file a path of a kustomization opens: the file, or a folder's kustomization; undefined when there is none. */
function resolveTarget(host: KustomizeHost, dir: string, path: string): string | undefined {
  if (isRemote(path)) return undefined;
  const target = joinPath(dir, path);
  if (host.isDirectory(target)) return kustomizationFileIn(host, target);
  return host.readFile(target) !== undefined ? target : undefined;
}

/**
 * Completion of a path in a kustomization (`resources`, `components`, `patches[].path`…): the files and folders
 * of the folder typed so far, those the field can name; a folder to descend into ends with `/`.
 */
export function kustomizationPathCompletions(file: ManifestFile, offset: number, path: string, host: KustomizeHost): CompletionItem[] {
  const slot = file.slotAt(offset);
  if (!slot || !isKustomizationFileName(path) || !host.entries) return [];
  const context = cursorContext(slot.document.text, offset - slot.start);
  // `- ../` could still become a key of a map item: read as the list's scalar item, which a path list holds.
  const scalar = context && (context.kind === 'value' || (context.itemStart && !context.hasColon)) ? context : undefined;
  const field = scalar && pathFieldAt(scalar.path);
  if (!scalar || !field) return [];
  const typed = scalar.word.replace(/^["']/, '');
  const folderPart = typed.slice(0, typed.lastIndexOf('/') + 1);
  const dir = dirName(normalize(path));
  const folder = joinPath(dir, folderPart || '.');
  const range = file.lineIndex.rangeOf(slot.start + scalar.wordStart + (scalar.word.length - typed.length), slot.start + scalar.wordEnd);
  const listed = new Set(kustomizationPaths(slot.document.value().value).filter((entry) => entry.field === field.field).map((entry) => joinPath(dir, entry.path)));
  const items: CompletionItem[] = [];
  const add = (text: string, kind: CompletionItemKind, detail: string, sortText: string, descend: boolean) =>
    items.push({
      label: text.slice(folderPart.length) || text,
      kind,
      detail,
      sortText,
      filterText: text,
      textEdit: { range, newText: text },
      // A folder to descend into: list its entries right away.
      ...(descend ? { command: { title: 'List the folder', command: 'editor.action.triggerSuggest' } } : {}),
    });
  if (/^(\.\.\/)*$/.test(folderPart)) add(`${folderPart}../`, CompletionItemKind.Folder, 'parent folder', '2', true);
  for (const entry of host.entries(folder) ?? []) {
    if (entry.name.startsWith('.')) continue;
    const target = joinPath(folder, entry.name);
    if (entry.directory) {
      const kustomization = accepts(field.accepts, 'folder') ? kustomizationFileIn(host, target) : undefined;
      if (kustomization && !listed.has(target)) add(`${folderPart}${entry.name}`, CompletionItemKind.Module, `folder with ${baseName(kustomization)}`, `0${entry.name}`, false);
      add(`${folderPart}${entry.name}/`, CompletionItemKind.Folder, 'folder', `1${entry.name}`, true);
    } else if (accepts(field.accepts, 'file') && MANIFEST_FILE.test(entry.name) && !isKustomizationFileName(target) && target !== normalize(path) && !listed.has(target)) {
      add(`${folderPart}${entry.name}`, CompletionItemKind.File, 'file', `0${entry.name}`, false);
    }
  }
  return items;
}

function accepts(field: PathAccepts, what: 'file' | 'folder'): boolean {
  return field === 'resource' || field === what;
}

/** Links from each path of a kustomization to the file it names (a folder: its kustomization). */
export function kustomizationLinks(file: ManifestFile, path: string, host: KustomizeHost): DocumentLink[] {
  const slot = file.slots[0];
  if (!slot || !isKustomizationFileName(path)) return [];
  const dir = dirName(normalize(path));
  const links: DocumentLink[] = [];
  for (const entry of kustomizationPaths(slot.document.value().value)) {
    const target = resolveTarget(host, dir, entry.path);
    if (!target) continue;
    const span = spanOfProblem(slot.document, { path: entry.node, target: 'value' });
    links.push({ range: file.lineIndex.rangeOf(slot.start + span.start, slot.start + span.end), target: fileUri(target), tooltip: `Open ${entry.path}` });
  }
  return links;
}

/** Go to definition on a path of a kustomization: the file it names (a folder: its kustomization). */
export function kustomizationPathDefinition(file: ManifestFile, offset: number, path: string, host: KustomizeHost): Location[] {
  const slot = file.slotAt(offset);
  if (!slot || !isKustomizationFileName(path)) return [];
  const at = pathAt(slot.document, offset - slot.start);
  if (at.target !== 'value') return [];
  const entry = kustomizationPaths(slot.document.value().value).find((candidate) => candidate.node.length === at.path.length && candidate.node.every((step, i) => step === at.path[i]));
  const target = entry && resolveTarget(host, dirName(normalize(path)), entry.path);
  return target ? [{ uri: fileUri(target), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }] : [];
}
