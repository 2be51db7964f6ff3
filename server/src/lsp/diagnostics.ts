import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { configFileFindings, isConfigFile } from '../core/config-file';
import { toDiagnostic } from '../core/findings';
import type { LanguageService } from '../core/language-service';
import type { KustomizeCache } from '../core/workspace/kustomize/cache';
import type { ManifestCache } from './documents';
import { kustomizeContextFor } from './kustomize';
import { logged } from './logged';
import type { SettingsStore } from './settings';
import type { WorkspaceIndexer } from './workspace-indexer';

/**
 * Publishes diagnostics after open and change. Changes that arrive together are coalesced: only the latest
 * version of a document is validated, and a result for a version that is no longer current is dropped.
 */
export class DiagnosticsPublisher {
  private readonly pending = new Map<string, NodeJS.Immediate>();
  private readonly publish: (uri: string) => Promise<void>;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly cache: ManifestCache,
    private readonly settings: SettingsStore,
    private readonly service: LanguageService,
    private readonly kustomize: KustomizeCache,
    private readonly workspace?: WorkspaceIndexer,
  ) {
    // A bug in one rule must not take the server down: the wrapper logs it and the server keeps serving.
    this.publish = logged(
      this.connection.console,
      (uri: string) => `validation of ${uri}`,
      async (uri: string): Promise<void> => {
        const document = this.documents.get(uri);
        if (!document) return;
        const version = document.version;
        const settings = await this.settings.get(uri);
        const current = this.documents.get(uri);
        if (!current || current.version !== version) return;
        const file = this.cache.get(current);
        // A .sidecarlint.yaml is checked as a config file (unknown rule ids, bad levels), not as a manifest.
        const findings = isConfigFile(uri) ? configFileFindings(file.text, settings.docsBaseUrl) : this.service.validate(file, settings, kustomizeContextFor(uri, this.documents, this.settings, this.kustomize), uri, { workspace: this.workspace?.forValidation(uri, file) });
        const diagnostics = findings.map((f) => toDiagnostic(f, file.lineIndex));
        await this.connection.sendDiagnostics({ uri, version, diagnostics });
      },
      () => undefined,
    );
  }

  schedule(uri: string): void {
    if (this.pending.has(uri)) return;
    this.pending.set(
      uri,
      setImmediate(() => {
        this.pending.delete(uri);
        void this.publish(uri);
      }),
    );
  }

  scheduleAll(): void {
    for (const document of this.documents.all()) this.schedule(document.uri);
  }

  clear(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer) clearImmediate(timer);
    this.pending.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }
}
