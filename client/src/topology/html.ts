// The topology webview's HTML, as a pure function: the panel and the browser test build the same page.

export interface TopologyHtmlOptions {
  /** Fresh per page load; the only way a script may run. */
  nonce: string;
  /** `webview.cspSource`: the origin the bundle is served from. */
  cspSource: string;
  /** URI of client/out/webview/main.js as the webview sees it. */
  scriptUri: string;
  /** URI of client/out/webview/main.css (esbuild writes it next to main.js). */
  styleUri: string;
}

/**
 * A page whose Content-Security-Policy allows only the nonce'd bundle to run. Mermaid inserts `<style>` elements
 * without a nonce, hence `'unsafe-inline'` for styles only; images are limited to the bundle origin and data:.
 */
export function renderTopologyHtml(options: TopologyHtmlOptions): string {
  const nonce = attribute(options.nonce);
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${options.nonce}'`,
    `style-src ${options.cspSource} 'unsafe-inline'`,
    `img-src ${options.cspSource} data:`,
    `font-src ${options.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attribute(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(options.styleUri)}">
<title>Pod Topology</title>
</head>
<body>
<header class="toolbar">
  <select id="workload" aria-label="Workload" hidden></select>
  <div class="tabs" role="tablist" aria-label="Diagram">
    <button type="button" role="tab" id="tab-flowchart" data-tab="flowchart" aria-selected="true">Flowchart</button>
    <button type="button" role="tab" id="tab-sequence" data-tab="sequence" aria-selected="false">Start / stop order</button>
  </div>
  <span class="spacer"></span>
  <button type="button" id="copy" title="Copy the Mermaid source of this diagram">Copy Mermaid source</button>
  <button type="button" id="export" title="Save this diagram as an SVG file">Export SVG</button>
  <button type="button" id="insert" title="Open the diagram as a mermaid block in a new Markdown document">Insert as Markdown</button>
</header>
<div id="status" role="status" aria-live="polite">Waiting for a YAML document…</div>
<main id="diagram" role="tabpanel" aria-labelledby="tab-flowchart"></main>
<script nonce="${nonce}" src="${attribute(options.scriptUri)}"></script>
</body>
</html>
`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
