// Browser bundle of the topology webview: receives Mermaid text from the panel, renders it with the bundled
// mermaid (no CDN), swaps the finished SVG in, and reports what it drew back to the extension.
import mermaid from 'mermaid';
import type { FromWebviewMessage, ToWebviewMessage, TopologyTab, TopologyWebviewState, WebviewWorkload } from '../topology/messages';
import './topology.css';

interface VsCodeApi {
  postMessage(message: FromWebviewMessage): void;
  getState(): TopologyWebviewState | undefined;
  setState(state: TopologyWebviewState): void;
}
declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const diagram = element<HTMLElement>('diagram');
const status = element<HTMLElement>('status');
const workloadSelect = element<HTMLSelectElement>('workload');
const tabButtons = Array.from(document.querySelectorAll<HTMLButtonElement>('[role="tab"]'));

const saved = vscode.getState() ?? {};
let tab: TopologyTab = saved.tab === 'sequence' ? 'sequence' : 'flowchart';
let documentUri = saved.documentUri;
let workloads: WebviewWorkload[] = [];
let selected = 0;
let currentSvg = '';
/** Bumped by every render request: a slow render that finishes after a newer one started is thrown away. */
let generation = 0;
let renderCount = 0;
let themeName: 'dark' | 'neutral' | undefined;

function element<T extends HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`topology webview: #${id} is missing`);
  return found as T;
}

/** Mermaid's 'neutral' (greys) on light themes, 'dark' on dark ones; node colours come from our classDefs. */
function editorTheme(): 'dark' | 'neutral' {
  const classes = document.body.classList;
  return classes.contains('vscode-dark') || (classes.contains('vscode-high-contrast') && !classes.contains('vscode-high-contrast-light'))
    ? 'dark'
    : 'neutral';
}

function configureMermaid(): void {
  themeName = editorTheme();
  mermaid.initialize({
    startOnLoad: false,
    // 'strict' encodes HTML in labels and disables click bindings; 'sandbox' would need a data: iframe the CSP blocks.
    securityLevel: 'strict',
    theme: themeName,
    fontFamily: 'var(--vscode-font-family, sans-serif)',
    // SVG text instead of HTML in foreignObject: exports open in any SVG viewer and no label is ever HTML.
    htmlLabels: false,
    // Long image references must not wrap mid-word; wide diagrams shrink to the panel (useMaxWidth), small ones keep their size.
    flowchart: { useMaxWidth: true, wrappingWidth: 600, nodeSpacing: 30, rankSpacing: 45 },
    sequence: { useMaxWidth: true, mirrorActors: false },
  });
}

function source(): string | undefined {
  const workload = workloads[selected];
  if (!workload) return undefined;
  return tab === 'flowchart' ? workload.mermaid : workload.sequence;
}

function saveState(): void {
  vscode.setState({ documentUri, tab });
}

function showTabs(): void {
  for (const button of tabButtons) {
    const active = button.dataset.tab === tab;
    button.setAttribute('aria-selected', String(active));
    button.classList.toggle('active', active);
  }
  diagram.setAttribute('aria-labelledby', `tab-${tab}`);
}

function showWorkloads(): void {
  workloadSelect.replaceChildren(
    ...workloads.map((w, index) => {
      const option = document.createElement('option');
      option.value = String(index);
      // textContent, never innerHTML: names come from the manifest.
      option.textContent = `${w.kind} ${w.name}`;
      return option;
    }),
  );
  workloadSelect.value = String(selected);
  workloadSelect.hidden = workloads.length < 2;
}

/** Renders off-screen (mermaid.render builds the SVG in a detached container) and swaps the result in. */
async function render(): Promise<void> {
  const text = source();
  const workload = workloads[selected];
  const mine = ++generation;
  if (!text || !workload) return;
  if (themeName !== editorTheme()) configureMermaid();
  const id = `topology-${++renderCount}`;
  try {
    const { svg } = await mermaid.render(id, text);
    if (mine !== generation) return;
    diagram.innerHTML = svg;
    currentSvg = svg;
    status.textContent = `${workload.kind} ${workload.name}`;
    status.classList.remove('error');
    report(workload, undefined);
  } catch (error) {
    // The previous diagram stays up: a half-typed manifest should not blank the panel.
    document.getElementById(`d${id}`)?.remove();
    if (mine !== generation) return;
    const message = error instanceof Error ? error.message : String(error);
    status.textContent = `Could not draw ${workload.kind} ${workload.name}: ${message}`;
    status.classList.add('error');
    report(workload, message);
  }
}

/** The text labels of the SVG: the extension host cannot see inside the webview, so tests read them from here. */
function report(workload: WebviewWorkload, error: string | undefined): void {
  const svg = diagram.querySelector('svg');
  // In drawing order, repeats kept: a line's neighbours tell which node it belongs to.
  const labels: string[] = [];
  svg?.querySelectorAll('text').forEach((node) => {
    // Multi-line labels are one <text> with a <tspan> per line: report lines, not the words glued together.
    const lines = node.querySelectorAll('tspan.text-outer-tspan');
    for (const line of lines.length ? Array.from(lines) : [node]) {
      const text = line.textContent?.replace(/\s+/g, ' ').trim();
      if (text) labels.push(text);
    }
  });
  vscode.postMessage({ type: 'rendered', documentUri: documentUri ?? '', workload: `${workload.kind} ${workload.name}`, tab, labels, error });
}

/** The generated id (c0, v1, m0…) of the node under a click, if it stands for manifest text. */
function nodeIdAt(target: EventTarget | null): string | undefined {
  if (!(target instanceof Element)) return undefined;
  const ids = new Set(workloads[selected]?.nodeIds ?? []);
  // Flowchart nodes: <g class="node" id="topology-3-flowchart-c0-1" data-id="c0">.
  const node = target.closest('g.node');
  if (node) {
    const dataId = node.getAttribute('data-id');
    if (dataId && ids.has(dataId)) return dataId;
    const match = /-([a-z]\d+)-\d+$/.exec(node.id);
    if (match && ids.has(match[1])) return match[1];
  }
  // Sequence participants: the actor's box and text carry name="c0".
  for (let el: Element | null = target; el && el !== diagram; el = el.parentElement) {
    const name = el.getAttribute('name') ?? el.parentElement?.querySelector('[name]')?.getAttribute('name');
    if (name && ids.has(name)) return name;
  }
  return undefined;
}

window.addEventListener('message', (event: MessageEvent<ToWebviewMessage>) => {
  const message = event.data;
  if (message.type === 'update') {
    const shown = workloads[selected];
    const previousSource = source();
    workloads = message.workloads;
    documentUri = message.documentUri;
    const same = message.keepSelection && shown ? workloads.findIndex((w) => w.kind === shown.kind && w.name === shown.name) : -1;
    selected = same >= 0 ? same : 0;
    saveState();
    showWorkloads();
    // Cursor moves within one workload re-send the same text: nothing to redraw.
    if (source() === previousSource && currentSvg) {
      if (workloads[selected]) report(workloads[selected], undefined);
      return;
    }
    void render();
  } else if (message.type === 'empty') {
    workloads = [];
    currentSvg = '';
    generation++;
    if (message.documentUri) documentUri = message.documentUri;
    saveState();
    showWorkloads();
    diagram.replaceChildren();
    status.textContent = message.message;
    status.classList.remove('error');
  }
});

for (const button of tabButtons) {
  button.addEventListener('click', () => {
    const next = button.dataset.tab === 'sequence' ? 'sequence' : 'flowchart';
    if (next === tab) return;
    tab = next;
    saveState();
    showTabs();
    void render();
  });
}

workloadSelect.addEventListener('change', () => {
  selected = Number(workloadSelect.value) || 0;
  void render();
});

diagram.addEventListener('click', (event) => {
  const nodeId = nodeIdAt(event.target);
  if (nodeId) vscode.postMessage({ type: 'reveal', workload: selected, nodeId });
});

element('copy').addEventListener('click', () => {
  const text = source();
  if (text) vscode.postMessage({ type: 'copy', text });
});
element('export').addEventListener('click', () => {
  const workload = workloads[selected];
  if (currentSvg && workload) vscode.postMessage({ type: 'exportSvg', svg: currentSvg, workload: `${workload.name}-${tab}` });
});
element('insert').addEventListener('click', () => {
  const text = source();
  const workload = workloads[selected];
  if (text && workload) vscode.postMessage({ type: 'insertMarkdown', text, workload: `${workload.kind} ${workload.name}` });
});

// VS Code swaps body classes when the colour theme changes: redraw with the matching Mermaid theme.
new MutationObserver(() => {
  if (themeName !== editorTheme() && workloads.length) void render();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

configureMermaid();
showTabs();
vscode.postMessage({ type: 'ready' });
