import * as path from 'path';
import { pathToFileURL } from 'url';
import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createLanguageService } from './core/language-service';
import { KustomizeCache } from './core/features/kustomize/cache';
import { DiagnosticsPublisher } from './lsp/diagnostics';
import { ValidationThread } from './lsp/validation-thread';
import { kustomizePath } from './lsp/kustomize';
import { ManifestCache } from './lsp/documents';
import { SettingsStore } from './lsp/settings';
import { completionFeature } from './lsp/completion';
import { hoverFeature } from './lsp/hover';
import { codeActionsFeature } from './lsp/code-actions';
import { commandsFeature } from './lsp/commands';
import { topologyFeature } from './lsp/topology';
import { navigationFeature } from './lsp/navigation';
import { WorkspaceIndexer } from './lsp/workspace-indexer';
import type { ClientFeatures, ServerContext, ServerFeature } from './lsp/context';
import packageJson from '../../package.json';
import { logged } from './lsp/logged';
import { StatusRequest, type StatusParams, type StatusResult } from './protocol';

// The bundle lives in server/out/; docs/ and schemas/ sit at the extension's root.
const extensionRoot = path.resolve(__dirname, '..', '..');
const docsBaseUrl = `${pathToFileURL(path.join(extensionRoot, 'docs', 'rules')).href}/`;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = createLanguageService();
const cache = new ManifestCache();
const settings = new SettingsStore(connection, () => ({ docsBaseUrl }));
// Rendered kustomize overlays for hover in a patch, dropped when a file they read changes (buffers, saves, watched
// files); the validation thread keeps its own.
const kustomize = new KustomizeCache();
const workspace = new WorkspaceIndexer(connection, documents, cache, service.createWorkspaceIndex());
// Validation runs on its own thread (one file at a time) so hover and completion answer while a large file is
// checked; it keeps its own copy of the open texts and of the workspace index's disk files.
const validation = new ValidationThread(connection.console, {
  openTexts: () => documents.all().map((d) => ({ uri: d.uri, version: d.version, text: d.getText() })),
  indexedFiles: () => workspace.diskFiles(),
  indexDone: () => workspace.isReady,
});
workspace.listener = validation;
const diagnostics = new DiagnosticsPublisher(connection, documents, settings, validation);
validation.onIndexed = () => diagnostics.scheduleAll();
diagnostics.onIdle = () => workspace.settleSoon();
const context: ServerContext = {
  connection,
  documents,
  cache,
  settings,
  service,
  kustomize,
  workspace,
  async fileFor(uri) {
    const document = documents.get(uri);
    if (!document) return undefined;
    const current = await settings.get(uri);
    return { document, file: cache.get(document), settings: current };
  },
};
const clientFeatures: ClientFeatures = { codeActionLiterals: false, snippetCompletions: false, markdownHover: false };
// Feature modules: each declares its capabilities and registers its handlers in onInitialize.
const features: ServerFeature[] = [completionFeature, hoverFeature, codeActionsFeature, commandsFeature, topologyFeature, navigationFeature];

connection.onInitialize((params): InitializeResult => {
  settings.supportsConfiguration = !!params.capabilities.workspace?.configuration;
  settings.initialize(params);
  const text = params.capabilities.textDocument;
  clientFeatures.codeActionLiterals = !!text?.codeAction?.codeActionLiteralSupport;
  clientFeatures.snippetCompletions = !!text?.completion?.completionItem?.snippetSupport;
  clientFeatures.markdownHover = !!text?.hover?.contentFormat?.includes('markdown');
  for (const feature of features) feature.register(context, clientFeatures);
  return {
    capabilities: Object.assign(
      { textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental } },
      ...features.map((f) => f.capabilities?.(clientFeatures) ?? {}),
    ),
    serverInfo: { name: 'sidecar-language-server', version: packageJson.version },
  };
});

connection.onInitialized(() => {
  // After the initialize response: the validation thread loads and warms up while the editor opens its files.
  validation.prepare();
  settings.watchConfigFiles(() => diagnostics.scheduleAll(true), {
    globs: ['**/*.{yaml,yml}', '**/Kustomization'],
    changed: (event) => {
      const paths = event.changes.map((change) => kustomizePath(change.uri)).filter((file) => file !== undefined);
      for (const file of paths) kustomize.invalidate(file);
      validation.invalidate(paths);
      diagnostics.scheduleAll();
      void workspace.watched(event).then((changed) => changed && diagnostics.scheduleAll());
    },
  });
  // In the background: diagnostics of open files go on meanwhile, checking each file alone, and again when the
  // validation thread's index holds the whole pass (validation.onIndexed).
  void workspace.start(settings.folders(), () => undefined);
  if (settings.supportsConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'sidecar' }).catch(() => undefined);
  }
});

connection.onDidChangeConfiguration((change) => {
  settings.changed(change.settings);
  diagnostics.scheduleAll(true);
});

// Registered by method, not by StatusRequest.type: the typed registration would refuse a request without params,
// which clients send (and the protocol allows: params are optional).
connection.onRequest(
  StatusRequest.method,
  logged(connection.console, StatusRequest.method, async (params?: StatusParams): Promise<StatusResult> => {
    // With the active document's URI the answer includes its .sidecarlint.yaml; without, the editor settings.
    const uri = typeof params?.uri === 'string' ? params.uri : undefined;
    const current = await settings.current(uri);
    const configFile = uri ? settings.configFor(uri)?.path : undefined;
    return { kubernetesVersion: current.kubernetesVersion, validate: current.validate, rules: service.rules.map((r) => r.id), configFile };
  }),
);

documents.onDidOpen((event) => {
  workspace.opened(event.document);
  diagnostics.schedule(event.document.uri);
});
// Fires on open too. An edit of a base or a kustomization changes what open patches merge into: every open
// document is checked again (unchanged ones answer from the validation thread's per-document cache).
documents.onDidChangeContent((event) => {
  // The text goes to the validation thread first; nothing on this thread parses it on the way to its diagnostics.
  diagnostics.changed(event.document);
  const file = kustomizePath(event.document.uri);
  if (file) kustomize.invalidate(file);
  workspace.opened(event.document);
  diagnostics.scheduleAll();
});
documents.onDidSave((event) => {
  const file = kustomizePath(event.document.uri);
  if (file) kustomize.invalidate(file);
  if (file) validation.invalidate([file]);
});
documents.onDidClose((event) => {
  // The disk's text takes over from the buffer.
  const file = kustomizePath(event.document.uri);
  if (file) kustomize.invalidate(file);
  cache.delete(event.document.uri);
  workspace.closed(event.document.uri);
  settings.forget(event.document.uri);
  diagnostics.clear(event.document.uri);
});

documents.listen(connection);
connection.listen();
