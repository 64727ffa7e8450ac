// API Lens comparison view: turns clicks on source buttons and actions into messages to the extension.
// Loaded with the page's nonce; it never touches document text (the page is rendered, escaped, by the extension).
(function () {
  'use strict';
  const vscode = acquireVsCodeApi();
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target : null;
    if (!target) return;
    const source = target.closest('button.source');
    if (source) {
      const d = source.dataset;
      vscode.postMessage({
        type: 'reveal', uri: d.uri,
        range: { start: { line: Number(d.sl), character: Number(d.sc) }, end: { line: Number(d.el), character: Number(d.ec) } },
      });
      return;
    }
    const action = target.closest('button.action');
    if (action) { vscode.postMessage({ type: action.dataset.action }); return; }
    const link = target.closest('a.spec');
    if (link) {
      event.preventDefault();
      vscode.postMessage({ type: 'openSpec', url: link.getAttribute('href') });
    }
  });
  // Keep the scroll position across re-renders (the page is replaced when the document changes).
  const state = vscode.getState();
  if (state && typeof state.scrollY === 'number') window.scrollTo(0, state.scrollY);
  let pending = false;
  window.addEventListener('scroll', function () {
    if (pending) return;
    pending = true;
    requestAnimationFrame(function () { pending = false; vscode.setState({ scrollY: window.scrollY }); });
  });
})();
