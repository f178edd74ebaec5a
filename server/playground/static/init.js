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


  // Ready tabs on a first visit: the README's tour (its curl query and the five questions
  // an analyst asks). GraphiQL keeps the user's own tabs in local storage afterwards;
  // clearing the site's storage brings these back.
  var examples = [
    ['North Korea\'s neighbours (README)',
      '# North Korea\'s neighbours: entities, events and every edge with its quote.\n' +
      '{\n  neighbors(id: "country:PRK", depth: 1) {\n    nodes { distance node { __typename id ... on Entity { name kind } ... on Event { type label } } }\n' +
      '    edges { type from to sourceCount evidence { quote article { title publishedAt } } }\n  }\n}\n'],
    ['1. Who is this?',
      '# Search is tolerant of case, diacritics, hyphens and small typos.\n' +
      '{\n  search(text: "Turkiye", first: 3) { score entity { id name aliases } }\n' +
      '  kim: search(text: "Kim Jong-un", first: 1) { entity { id name } }\n' +
      '  typo: search(text: "Zelenksy", first: 1) { entity { id name } }\n  dprk: entity(id: "DPRK") { id name }\n}\n'],
    ['2. Kim Jong Un to Ukraine',
      '# How is Kim Jong Un connected to Ukraine, and who says so?\n' +
      '{\n  shortestPath(from: "Kim Jong Un", to: "Ukraine", relationTypes: ["LEADS", "DEPLOYED_TROOPS_TO", "AT_WAR_WITH", "SUPPLIES"]) {\n' +
      '    length\n    nodes { ... on Entity { name } }\n    edges { type from to sourceCount evidence { quote } }\n  }\n' +
      '  paths(from: "Kim Jong Un", to: "Ukraine", first: 5) { length nodes { id } }\n}\n'],
    ['3. North Korea\'s timeline',
      '# What has North Korea done, and when? Times keep the precision the source gave.\n' +
      '{\n  entity(id: "country:PRK") {\n    timeline { time { value precision } type label modality quantities { value unit approx } }\n  }\n}\n'],
    ['4. Who stands behind Russia',
      '# Who stands behind Russia, how sure is it, and which articles say so?\n' +
      '{\n  entity(id: "Russia") {\n    relations(direction: IN, first: 4) {\n' +
      '      type from { name } confidence sourceCount modality evidence { quote article { title publishedAt } }\n    }\n  }\n' +
      '  supplyChain(recipient: "country:RUS", maxHops: 3) { paths { length nodes { id } } }\n}\n'],
    ['5. Russia\'s neighbourhood',
      '# A filtered subgraph for a dashboard (the explorer at /explore draws these).\n' +
      '{\n  entity(id: "country:RUS") {\n    neighborhood(depth: 2, minConfidence: 0.7, from: "2025-01-01", limit: 50) {\n' +
      '      nodes { distance node { __typename ... on Entity { id name } ... on Event { id type label } } }\n' +
      '      edges { type from to confidence sourceCount firstSeen lastSeen }\n    }\n  }\n}\n']
  ];
  var defaultTabs = [{ query: defaultQuery }].concat(examples.map(function (e) {
    return { query: '# ' + e[0] + '\n' + e[1] };
  }));

  root.textContent = '';
  ReactDOM.createRoot(root).render(
    React.createElement(GraphiQL, {
      fetcher: fetcher,
      defaultQuery: defaultQuery,
      defaultTabs: defaultTabs,
      defaultEditorToolsVisibility: false
    })
  );
})();
