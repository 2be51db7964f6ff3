import type { TextDocument } from 'vscode-languageserver-textdocument';
import { ManifestParser, type ManifestFile } from '../core/parse/manifest';

/** Parsed files by URI, one parser per open document so unchanged YAML documents are reused across edits. */
export class ManifestCache {
  private readonly entries = new Map<string, { parser: ManifestParser; version: number; file: ManifestFile }>();

  get(document: TextDocument): ManifestFile {
    let entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version) return entry.file;
    const parser = entry?.parser ?? new ManifestParser();
    entry = { parser, version: document.version, file: parser.parse(document.getText()) };
    this.entries.set(document.uri, entry);
    return entry.file;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
  }
}
