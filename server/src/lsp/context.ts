import type { ServerCapabilities } from 'vscode-languageserver/node';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { LanguageService } from '../core/language-service';
import type { KustomizeCache } from '../core/features/kustomize/cache';
import type { ManifestFile } from '../core/parse/manifest';
import type { Settings } from '../core/settings';
import type { ManifestCache } from './documents';
import type { SettingsStore } from './settings';
import type { WorkspaceIndexer } from './workspace-indexer';

/** What every LSP handler module gets: the connection and the shared, parsed-once state. */
export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  cache: ManifestCache;
  settings: SettingsStore;
  service: LanguageService;
  /** Rendered kustomize overlays shared by the handlers (diagnostics, hover). */
  kustomize: KustomizeCache;
  /** The workspace index, fed from the workspace folders and the open buffers. */
  workspace: WorkspaceIndexer;
  /** The parsed file and settings for an open document, or undefined for an unknown or closed URI. */
  fileFor(uri: string): Promise<{ document: TextDocument; file: ManifestFile; settings: Settings } | undefined>;
}

/** Client capabilities the handlers adapt to (e.g. code actions only when the client supports literals). */
export interface ClientFeatures {
  codeActionLiterals: boolean;
  snippetCompletions: boolean;
  markdownHover: boolean;
}

/**
 * A feature module (completion, hover, code actions, topology…): declares its capabilities for the client it
 * talks to and registers its handlers. server.ts lists them; nothing else changes when one is added.
 */
export interface ServerFeature {
  capabilities?(client: ClientFeatures): Partial<ServerCapabilities>;
  register(context: ServerContext, client: ClientFeatures): void;
}
