// Starts GraphiQL for the factgraph playground page. Served by package
// playground (Go) from the binary; React, ReactDOM and GraphiQL are the UMD
// globals loaded by the <script> tags before this one. The endpoint and the
// default query come from data- attributes so the page needs no inline script.
(function () {
  'use strict';
  var root = document.getElementById('graphiql');
  var endpoint = root.getAttribute('data-endpoint');
  var defaultQuery = root.getAttribute('data-query') || '';

  // GraphiQL's own fetcher (JSON POST, header editor, incremental delivery).
  // The fallback is a plain JSON POST in case a bundle lacks createFetcher.
  var fetcher;
  if (typeof GraphiQL.createFetcher === 'function') {
    fetcher = GraphiQL.createFetcher({ url: endpoint });
  } else {
    fetcher = function (params, opts) {
      var headers = { 'Content-Type': 'application/json', Accept: 'application/json' };
      if (opts && opts.headers) {
        Object.assign(headers, opts.headers);
      }
      return fetch(endpoint, {
        method: 'POST',
        headers: headers,
        body: JSON.stringify(params),
        credentials: 'same-origin'
      }).then(function (res) {
        return res.text().then(function (text) {
          try {
            return JSON.parse(text);
          } catch (e) {
            return { errors: [{ message: 'HTTP ' + res.status + ': ' + text }] };
          }
        });
      });
    };
  }

  root.textContent = '';
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: false
    })
  );
})();
