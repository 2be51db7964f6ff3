import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renderTopologyHtml } from '../../../client/src/topology/html';

describe('renderTopologyHtml', () => {
  const html = renderTopologyHtml({
    nonce: 'n0nce+/=',
    cspSource: 'https://file+.vscode-resource.vscode-cdn.net',
    scriptUri: 'https://x.test/webview/main.js?a=1&b="2"',
    styleUri: 'https://x.test/webview/main.css',
  });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
  const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('lets only the nonce run scripts and allows inline styles only for Mermaid', () => {
    assert.deepEqual(directives.get('default-src'), ["'none'"]);
    assert.deepEqual(directives.get('script-src'), ["'nonce-n0nce+/='"]);
    assert.deepEqual(directives.get('style-src'), ['https://file+.vscode-resource.vscode-cdn.net', "'unsafe-inline'"]);
    assert.deepEqual(directives.get('img-src'), ['https://file+.vscode-resource.vscode-cdn.net', 'data:']);
    assert.doesNotMatch(csp, /unsafe-eval|\*/);
  });

  it('has exactly one script, the nonce-tagged bundle, with escaped attributes', () => {
    const scripts = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    assert.deepEqual(scripts, ['<script nonce="n0nce+/=" src="https://x.test/webview/main.js?a=1&amp;b=&quot;2&quot;">']);
    assert.doesNotMatch(html, /\son\w+=/i, 'no inline event handlers');
  });

  it('offers the tabs and the three actions', () => {
    for (const id of ['tab-flowchart', 'tab-sequence', 'copy', 'export', 'insert', 'diagram', 'workload']) assert.match(html, new RegExp(`id="${id}"`));
  });
});
