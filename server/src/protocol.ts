// The client/server protocol beyond LSP: custom requests, command ids and the shapes they carry. The one module
// both bundles import (server/src/lsp/ and server.ts on one side, client/src/ on the other), in vscode-eslint's
// pattern: a namespace per message with its `method` (or command `id`) and a typed `RequestType`.
// Shapes the core produces are re-exported as types only, so the client bundle pulls in no core code
// except core/settings.ts for the default Kubernetes version.
/* eslint-disable @typescript-eslint/no-namespace -- the namespace-per-message pattern is the point of this file */
import { RequestType } from 'vscode-languageserver-protocol';
import type { PodContainersResult, SharedVolumeRequest } from './core/features/code-actions';

export type { PodContainerInfo, PodContainersResult, SharedVolumeRequest } from './core/features/code-actions';
/** The one default target version (package.json's `sidecar.kubernetesVersion` default must equal it; a unit test checks). */
export { DEFAULT_KUBERNETES_VERSION, SUPPORTED_KUBERNETES_VERSIONS } from './core/settings';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** `sidecar/status`: what the server checks against, for the status bar; with a uri, that document's view. */
export namespace StatusRequest {
  export const method = 'sidecar/status';
  export const type = new RequestType<StatusParams | undefined, StatusResult, void>(method);
}
export interface StatusParams {
  uri?: string;
}
export interface StatusResult {
  kubernetesVersion: string;
  validate: boolean;
  /** Rule ids known to the server. */
  rules: string[];
  /** The .sidecarlint.yaml that applies to the document asked about, if any. */
  configFile?: string;
}

/** `sidecar/topology`: pod topology diagrams of a document, one entry per pod-carrying document, the one at `position` first. */
export namespace TopologyRequest {
  export const method = 'sidecar/topology';
  export const type = new RequestType<TopologyParams, TopologyResult, void>(method);
}
export interface TopologyParams {
  textDocument: { uri: string };
  position?: Position;
}
export interface TopologyWorkload {
  name: string;
  kind: string;
  range: Range;
  /** Mermaid flowchart; every manifest name in it is escaped. */
  mermaid: string;
  /** Mermaid sequence diagram of start and stop order. */
  sequence: string;
  /** Diagram node id (c0, v0…) -> the manifest text it stands for; `uri` when that is another file (a kustomize base). */
  nodes: { id: string; range: Range; uri?: string }[];
}
export interface TopologyResult {
  workloads: TopologyWorkload[];
  /**
   * Other documents the diagrams were drawn from (`file:` URIs: a patch's base and kustomizations): the panel
   * redraws when one of them changes, as when the document itself does.
   */
  dependsOn?: string[];
  /** Why there is nothing to draw when the server declined the file (too large, binary). */
  notice?: string;
}

/**
 * Server commands (workspace/executeCommand). VS Code's language client turns every command the server lists
 * into a VS Code command of the same id, so these ids differ from the client's own interactive command
 * (`ClientCommands.addSharedVolume`), which asks the user and then calls them. Any LSP client can call them.
 */
export namespace PodContainersCommand {
  export const id = 'sidecar.server.podContainers';
  /** args: [Arguments] → Result: the containers the client offers to pick from. */
  export type Arguments = { uri: string; position: Position };
  export type Result = PodContainersResult | null;
}
export namespace AddSharedVolumeCommand {
  export const id = 'sidecar.server.addSharedVolume';
  /** args: [Arguments] → applies the edit through workspace/applyEdit. The request fields are checked by the server. */
  export type Arguments = { uri: string; position: Position } & Partial<SharedVolumeRequest>;
  export interface Result {
    applied: boolean;
    problem?: string;
  }
}
/** Every server command, as listed in executeCommandProvider. */
export const SERVER_COMMANDS = { addSharedVolume: AddSharedVolumeCommand.id, podContainers: PodContainersCommand.id } as const;

/** Commands the extension contributes (package.json `contributes.commands`; a unit test checks they match). */
export const ClientCommands = {
  restartServer: 'sidecar.restartServer',
  /** Asks for a name, a path and containers, then calls AddSharedVolumeCommand; code actions offer it too. */
  addSharedVolume: 'sidecar.addSharedVolume',
  showTopology: 'sidecar.showTopology',
  /** Sets `sidecar.kubernetesVersion` (args: [version]; asks when none is given); version quick fixes offer it. */
  setKubernetesVersion: 'sidecar.setKubernetesVersion',
} as const;
