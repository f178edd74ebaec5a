// factgraph explorer: draws the graph around an entity with Cytoscape.js (and the fCoSE
// layout), talking to /graphql like any other client. Served by package explorer (Go)
// from the binary; cytoscape, layoutBase, coseBase and cytoscapeFcose are the UMD
// globals of the <script> tags before this one. docs/explorer.md says how to use it.
(function () {
  'use strict';

  var app = document.getElementById('app');
  var endpoint = app.getAttribute('data-endpoint') || '/graphql';
  cytoscape.use(cytoscapeFcose);

  // ---------------------------------------------------------------- drawing styles
  // Okabe–Ito colours (distinguishable with the common colour-vision deficiencies),
  // each kind with its own shape too, so colour is never the only cue.
  var KINDS = {
    Country: { color: '#0072B2', shape: 'round-rectangle', label: 'Country' },
    Person: { color: '#E69F00', shape: 'ellipse', label: 'Person' },
    Organization: { color: '#009E73', shape: 'hexagon', label: 'Organization' },
    WeaponSystem: { color: '#D55E00', shape: 'triangle', label: 'Weapon system' },
    Facility: { color: '#CC79A7', shape: 'barrel', label: 'Facility' },
    Location: { color: '#56B4E9', shape: 'round-tag', label: 'Location' },
    Vessel: { color: '#8F7A00', shape: 'rhomboid', label: 'Vessel' },
    Event: { color: '#6B6B6B', shape: 'diamond', label: 'Event' }
  };
  var ROLE_TYPES = { AGENT: 1, TARGET: 1, PARTICIPANT: 1, LOCATION: 1, INSTRUMENT: 1, BENEFICIARY: 1 };
  var WEAK = { alleged: 1, denied: 1 };

  var style = [
    {
      selector: 'node',
      style: {
        'background-color': KINDS.Event.color,
        shape: KINDS.Event.shape,
        label: 'data(label)',
        'font-size': 11,
        'font-family': 'system-ui, sans-serif',
        color: '#111',
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-outline-color': '#fff',
        'text-outline-width': 2,
        'text-max-width': 140,
        'text-wrap': 'ellipsis',
        'min-zoomed-font-size': 7,
        width: 26,
        height: 26,
        'border-width': 1.5,
        'border-color': '#222'
      }
    },
    { selector: 'node[kind = "Event"]', style: { width: 18, height: 18, 'font-size': 9 } },
    // One selector per kind (Cytoscape caches these; a function per node it does not).
  ].concat(Object.keys(KINDS).map(function (k) {
    return { selector: 'node[kind = "' + k + '"]', style: { 'background-color': KINDS[k].color, shape: KINDS[k].shape } };
  })).concat([
    { selector: 'node[?weak]', style: { 'border-style': 'dashed', 'border-width': 2.5 } },
    { selector: 'node[?root]', style: { width: 38, height: 38, 'border-width': 3, 'font-weight': 'bold' } },
    { selector: 'node[?expanded]', style: { 'border-width': 3, 'border-color': '#000' } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(sourceCount, 0, 10, 1.2, 8)',
        'line-color': '#8a8a8a',
        'target-arrow-color': '#8a8a8a',
        'target-arrow-shape': 'triangle',
        'arrow-scale': 0.8,
        'curve-style': 'bezier',
        label: 'data(type)',
        'font-size': 8,
        color: '#333',
        'text-rotation': 'autorotate',
        'text-outline-color': '#fff',
        'text-outline-width': 2,
        'min-zoomed-font-size': 9
      }
    },
    { selector: 'edge[?role]', style: { 'line-color': '#b5b5b5', 'target-arrow-color': '#b5b5b5', width: 1 } },
    { selector: 'edge[?weak]', style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] } },
    { selector: '.new', style: { 'overlay-color': '#00a651', 'overlay-opacity': 0.35, 'overlay-padding': 6 } },
    { selector: '.updated', style: { 'overlay-color': '#f0b400', 'overlay-opacity': 0.3, 'overlay-padding': 5 } },
    { selector: '.dim', style: { opacity: 0.18 } },
    { selector: 'node.path', style: { 'border-color': '#c00', 'border-width': 4, 'z-index': 10 } },
    { selector: 'edge.path', style: { 'line-color': '#c00', 'target-arrow-color': '#c00', width: 5, 'z-index': 10 } },
    { selector: ':selected', style: { 'overlay-color': '#0057ff', 'overlay-opacity': 0.3, 'overlay-padding': 6 } }
  ]);

  // ---------------------------------------------------------------- the page
  app.innerHTML = [
    '<header class="bar">',
    '  <h1>factgraph <span>explorer</span></h1>',
    '  <form id="search-form" role="search" autocomplete="off">',
    '    <label for="q">Search entities</label>',
    '    <div class="combo">',
    '      <input id="q" type="search" placeholder="a name or alias, e.g. Kim Jong-un" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions">',
    '      <ul id="suggestions" role="listbox" aria-label="Suggestions" hidden></ul>',
    '    </div>',
    '    <button type="submit">Open</button>',
    '  </form>',
    '  <nav><a href="/">GraphQL playground</a> <a href="#" id="help-link">Help</a></nav>',
    '</header>',
    '<main>',
    '  <aside id="controls" aria-label="View controls">',
    '    <fieldset><legend>Neighbourhood</legend>',
    '      <label>Depth <select id="depth"><option>1</option><option>2</option><option>3</option></select></label>',
    '      <label>Max nodes <select id="limit"><option>50</option><option selected>200</option><option>500</option><option>1000</option></select></label>',
    '      <label>Direction <select id="direction"><option>BOTH</option><option>OUT</option><option>IN</option></select></label>',
    '      <label for="min-conf">Min confidence <output id="min-conf-out" for="min-conf">any</output></label>',
    '      <input id="min-conf" type="range" min="0" max="1" step="0.05" value="0">',
    '      <label>Min sources <input id="min-src" type="number" min="1" max="1000" step="1" value="1"></label>',
    '      <div class="window"><span id="window-label">Time window</span> <output id="window-out">any time</output>',
    '        <label for="win-from" class="sr">From</label><input id="win-from" type="range" min="0" max="1" value="0" aria-describedby="window-out">',
    '        <label for="win-to" class="sr">To</label><input id="win-to" type="range" min="0" max="1" value="1" aria-describedby="window-out">',
    '      </div>',
    '      <details id="types-box"><summary>Relation types <span id="types-count">(all)</span></summary><div id="types"></div></details>',
    '      <button id="apply" type="button">Apply filters</button>',
    '    </fieldset>',
    '    <fieldset><legend>Path</legend>',
    '      <label>From <input id="path-from" type="text" placeholder="name, alias or id"></label>',
    '      <label>To <input id="path-to" type="text" placeholder="e.g. Ukraine"></label>',
    '      <label>Max hops <select id="path-hops"><option>2</option><option>3</option><option selected>4</option><option>5</option><option>6</option></select></label>',
    '      <div class="row"><button id="shortest" type="button">Shortest path</button><button id="allpaths" type="button">Paths (5)</button></div>',
    '      <button id="clear-path" type="button">Clear highlight</button>',
    '    </fieldset>',
    '    <fieldset><legend>View</legend>',
    '      <div class="row"><button id="refresh" type="button" title="Query again; keeps the layout and marks what is new">Refresh</button><button id="fit" type="button">Fit</button></div>',
    '      <div class="row"><button id="export-png" type="button">Export PNG</button><button id="export-json" type="button">Export JSON</button></div>',
    '      <div class="row"><button id="copy-link" type="button">Copy link</button><button id="clear" type="button">Clear</button></div>',
    '      <button id="relayout" type="button" title="Run the full force-directed layout again (slow on thousands of nodes)">Lay out again</button>',
    '      <label for="share" class="sr">Shareable link</label><input id="share" type="text" readonly>',
    '    </fieldset>',
    '  </aside>',
    '  <section id="stage" aria-label="Graph">',
    '    <div id="cy" aria-label="Graph drawing: the node list on the right gives keyboard access to every node"></div>',
    '    <details id="legend" open><summary>Legend</summary><ul id="legend-list"></ul></details>',
    '    <div id="status" role="status" aria-live="polite">Search for an entity to start.</div>',
    '  </section>',
    '  <aside id="side" aria-label="Details">',
    '    <section id="details" tabindex="-1" aria-live="polite"><p class="hint">Click a node for its card, an edge or an event for its evidence. Double-click a node to expand or collapse it.</p></section>',
    '    <details id="nodes-box"><summary>Nodes in view <span id="nodes-count">(0)</span></summary><ul id="node-list"></ul></details>',
    '  </aside>',
    '</main>'
  ].join('\n');

  var $ = function (id) { return document.getElementById(id); };
  var el = function (tag, attrs, children) {
    var e = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        if (k === 'text') e.textContent = attrs[k];
        else if (k === 'class') e.className = attrs[k];
        else if (k.slice(0, 2) === 'on') e.addEventListener(k.slice(2), attrs[k]);
        else e.setAttribute(k, attrs[k]);
      });
    }
    (children || []).forEach(function (c) {
      if (c == null) return;
      e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return e;
  };

  Object.keys(KINDS).forEach(function (k) {
    var swatch = el('span', { class: 'swatch shape-' + KINDS[k].shape, 'aria-hidden': 'true' });
    swatch.style.background = KINDS[k].color;
    $('legend-list').appendChild(el('li', null, [swatch, KINDS[k].label]));
  });
  [['line thick', 'width: number of sources'], ['line dashed', 'dashed: alleged or denied'],
    ['line role', 'thin grey: an event\u2019s role (AGENT, TARGET, \u2026)'], ['mark new', 'green halo: new since opened'],
    ['mark path', 'red: the highlighted path']].forEach(function (p) {
    $('legend-list').appendChild(el('li', null, [el('span', { class: 'swatch ' + p[0], 'aria-hidden': 'true' }), p[1]]));
  });

  var cy = cytoscape({
    container: $('cy'),
    style: style,
    wheelSensitivity: 0.3,
    minZoom: 0.05,
    maxZoom: 4,
    // Every frame drawn in full: never a stale bitmap (textureOnViewport) or a picture
    // without edges (hideEdgesOnViewport) while moving. bench/explore.sh measures all three;
    // on the shared machine they were not told apart (BENCHMARKS.md, "Explorer").
    textureOnViewport: false,
    motionBlur: false,
    selectionType: 'single'
  });

  // ---------------------------------------------------------------- GraphQL
  function gql(query, variables) {
    return fetch(endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
      credentials: 'same-origin',
      body: JSON.stringify({ query: query, variables: variables || {} })
    }).then(function (res) {
      return res.text().then(function (text) {
        var body;
        try { body = JSON.parse(text); } catch (e) { throw new Error('HTTP ' + res.status + ': ' + text.slice(0, 200)); }
        if (body.errors && body.errors.length) {
          var e0 = body.errors[0];
          var code = e0.extensions && e0.extensions.code ? ' (' + e0.extensions.code + ')' : '';
          var err = new Error(e0.message + code);
          err.code = e0.extensions && e0.extensions.code;
          err.data = body.data;
          throw err;
        }
        return body.data;
      });
    });
  }

  var NODE_FIELDS = '__typename id ... on Entity { name kind degree } ... on Event { type label modality time { value start end } }';
  var EDGE_FIELDS = 'id type from to confidence sourceCount firstSeen lastSeen';
  var Q_SEARCH = 'query Suggest($text: String!) { search(text: $text, first: 8) { score entity { id name kind aliases } } }';
  var Q_NEIGHBOURHOOD = 'query Neighbourhood($id: ID!, $depth: Int!, $limit: Int!, $types: [String!], $dir: Direction, $minC: Float, $minS: Int, $from: String, $to: String) {' +
    ' entity(id: $id) { id name kind' +
    ' neighborhood(depth: $depth, limit: $limit, relationTypes: $types, direction: $dir, minConfidence: $minC, minSources: $minS, from: $from, to: $to) {' +
    ' nodes { distance node { ' + NODE_FIELDS + ' } } edges { ' + EDGE_FIELDS + ' } } } }';
  var Q_MODALITY = function (ids) {
    return 'query Modalities {' + ids.map(function (id, i) {
      return ' m' + i + ': entity(id: ' + JSON.stringify(id) + ') { relations(direction: OUT, first: 100) { id modality } }';
    }).join('') + ' }';
  };
  var Q_CARD = 'query Card($id: ID!) { entity(id: $id) { id name kind aliases keys { name value } description degree' +
    ' ... on Country { iso2 iso3 } timeline(first: 200) { id type label modality time { value start end } } } }';
  var EVIDENCE = 'evidence { quote attribution rule article { id title url publisher publishedAt } }';
  var Q_RELATION = 'query Relation($id: ID!, $type: String) { entity(id: $id) { id name relations(type: $type, direction: OUT, first: 500) {' +
    ' id type from { id name } to { id name } confidence sourceCount modality firstSeen lastSeen time { value } quantities { value unit approx of } ' + EVIDENCE + ' } } }';
  var Q_EVENT = 'query Event($id: ID!) { node(id: $id) { ... on Event { id type label modality confidence sourceCount time { value precision }' +
    ' quantities { value unit approx of } roles { role entity { id name kind } } ' + EVIDENCE + ' } } }';
  var PATH_FIELDS = 'length nodes { ' + NODE_FIELDS + ' } edges { ' + EDGE_FIELDS + ' }';
  var Q_SHORTEST = 'query Shortest($from: ID!, $to: ID!, $hops: Int!, $types: [String!]) { shortestPath(from: $from, to: $to, maxHops: $hops, relationTypes: $types) { ' + PATH_FIELDS + ' } }';
  var Q_PATHS = 'query Paths($from: ID!, $to: ID!, $hops: Int!, $types: [String!]) { paths(from: $from, to: $to, maxHops: $hops, relationTypes: $types, first: 5) { ' + PATH_FIELDS + ' } }';
  var Q_TYPES = 'query Types { stats { relationsByType { name count } } }';

  // ---------------------------------------------------------------- state
  // Everything the URL restores: the entities opened (roots), the ones expanded, the
  // filters, the path and the selection.
  var state = {
    roots: [], expanded: [],
    depth: 1, limit: 200, dir: 'BOTH', minC: 0, minS: 1, types: [], from: '', to: '',
    pathFrom: '', pathTo: '', pathMode: '', sel: ''
  };
  var openedAt = null; // when the view was opened: refresh marks what is newer
  var baseline = null; // ids (and source counts) in the view when it was opened
  var bench = window.__explorer = { cy: cy, state: state, timings: [], busy: 0, ready: false };

  function setStatus(text, isError) {
    var s = $('status');
    s.textContent = text;
    s.className = isError ? 'error' : '';
  }

  function busy(delta) {
    bench.busy += delta;
    document.body.classList.toggle('busy', bench.busy > 0);
  }

  function track(p) {
    busy(1);
    return p.then(function (v) { busy(-1); return v; }, function (e) { busy(-1); throw e; });
  }

  // ---------------------------------------------------------------- URL
  function writeURL() {
    var p = new URLSearchParams();
    if (state.roots.length) p.set('e', state.roots.join('~'));
    if (state.expanded.length) p.set('x', state.expanded.join('~'));
    if (state.depth !== 1) p.set('d', state.depth);
    if (state.limit !== 200) p.set('l', state.limit);
    if (state.dir !== 'BOTH') p.set('dir', state.dir);
    if (state.minC > 0) p.set('c', state.minC);
    if (state.minS > 1) p.set('s', state.minS);
    if (state.types.length) p.set('t', state.types.join('~'));
    if (state.from) p.set('from', state.from);
    if (state.to) p.set('to', state.to);
    if (state.pathFrom && state.pathTo && state.pathMode) {
      p.set('pf', state.pathFrom); p.set('pt', state.pathTo); p.set('pm', state.pathMode);
    }
    if (state.sel) p.set('sel', state.sel);
    var hash = p.toString();
    history.replaceState(null, '', hash ? '#' + hash : location.pathname);
    $('share').value = location.href;
  }

  function readURL() {
    var p = new URLSearchParams(location.hash.replace(/^#/, ''));
    var list = function (k) { return (p.get(k) || '').split('~').filter(Boolean); };
    var num = function (k, d, lo, hi) {
      var v = Number(p.get(k));
      return p.has(k) && isFinite(v) && v >= lo && v <= hi ? v : d;
    };
    state.roots = list('e');
    state.expanded = list('x');
    state.depth = num('d', 1, 1, 3);
    state.limit = num('l', 200, 1, 1000);
    state.dir = ['BOTH', 'OUT', 'IN'].indexOf(p.get('dir')) >= 0 ? p.get('dir') : 'BOTH';
    state.minC = num('c', 0, 0, 1);
    state.minS = num('s', 1, 1, 100000);
    state.types = list('t');
    state.from = /^\d{4}-\d{2}-\d{2}$/.test(p.get('from') || '') ? p.get('from') : '';
    state.to = /^\d{4}-\d{2}-\d{2}$/.test(p.get('to') || '') ? p.get('to') : '';
    state.pathFrom = p.get('pf') || '';
    state.pathTo = p.get('pt') || '';
    state.pathMode = ['shortest', 'all'].indexOf(p.get('pm')) >= 0 ? p.get('pm') : '';
    state.sel = p.get('sel') || '';
  }

  // ---------------------------------------------------------------- controls <-> state
  var months = []; // the time slider's steps: 'YYYY-MM'
  function setMonthRange(first, last) {
    months = [];
    var y = +first.slice(0, 4), m = +first.slice(5, 7);
    var ly = +last.slice(0, 4), lm = +last.slice(5, 7);
    while (y < ly || (y === ly && m <= lm)) {
      months.push(y + '-' + (m < 10 ? '0' : '') + m);
      if (++m > 12) { m = 1; y++; }
    }
    // Two extra steps: the ends mean "open", no bound.
    $('win-from').max = $('win-to').max = String(months.length + 1);
    syncWindowInputs();
  }
  function monthIndex(date, isEnd) {
    if (!date) return isEnd ? months.length + 1 : 0;
    var i = months.indexOf(date.slice(0, 7));
    if (i < 0) return date.slice(0, 7) < months[0] ? 1 : months.length;
    return i + 1;
  }
  function lastDay(ym) {
    var d = new Date(Date.UTC(+ym.slice(0, 4), +ym.slice(5, 7), 0));
    return ym + '-' + String(d.getUTCDate()).padStart(2, '0');
  }
  function syncWindowInputs() {
    $('win-from').value = String(monthIndex(state.from, false));
    $('win-to').value = String(monthIndex(state.to, true));
    showWindow();
  }
  function windowFromInputs() {
    var a = +$('win-from').value, b = +$('win-to').value;
    if (a > b) { var t = a; a = b; b = t; }
    state.from = a >= 1 && a <= months.length ? months[a - 1] + '-01' : '';
    state.to = b >= 1 && b <= months.length ? lastDay(months[b - 1]) : '';
    showWindow();
  }
  function showWindow() {
    var text = state.from || state.to ? (state.from || '…') + ' to ' + (state.to || '…') : 'any time';
    $('window-out').textContent = text;
    $('win-from').setAttribute('aria-valuetext', 'from ' + (state.from || 'the start'));
    $('win-to').setAttribute('aria-valuetext', 'to ' + (state.to || 'now'));
  }
  var now = new Date();
  setMonthRange('2020-01', (now.getUTCFullYear() + 1) + '-12');

  function stateToControls() {
    $('depth').value = String(state.depth);
    if (!Array.prototype.some.call($('limit').options, function (o) { return o.value === String(state.limit); })) {
      $('limit').appendChild(el('option', { text: String(state.limit) }));
    }
    $('limit').value = String(state.limit);
    $('direction').value = state.dir;
    $('min-conf').value = String(state.minC);
    $('min-conf-out').textContent = state.minC > 0 ? state.minC.toFixed(2) : 'any';
    $('min-src').value = String(state.minS);
    syncWindowInputs();
    Array.prototype.forEach.call($('types').querySelectorAll('input'), function (c) {
      c.checked = state.types.indexOf(c.value) >= 0;
    });
    $('types-count').textContent = state.types.length ? '(' + state.types.length + ')' : '(all)';
    $('path-from').value = state.pathFrom;
    $('path-to').value = state.pathTo;
  }
  function controlsToState() {
    state.depth = +$('depth').value;
    state.limit = +$('limit').value;
    state.dir = $('direction').value;
    state.minC = +$('min-conf').value;
    state.minS = Math.max(1, Math.floor(+$('min-src').value || 1));
    state.types = Array.prototype.filter.call($('types').querySelectorAll('input'), function (c) { return c.checked; })
      .map(function (c) { return c.value; });
    windowFromInputs();
  }

  function loadTypes() {
    return gql(Q_TYPES).then(function (d) {
      var box = $('types');
      box.textContent = '';
      d.stats.relationsByType.slice().sort(function (a, b) { return a.name < b.name ? -1 : 1; }).forEach(function (t) {
        var id = 'type-' + t.name;
        box.appendChild(el('div', { class: 'check' }, [
          el('input', { type: 'checkbox', id: id, value: t.name }),
          el('label', { for: id, text: t.name + ' (' + t.count + ')' })
        ]));
      });
      stateToControls();
    }).catch(function (e) { $('types').textContent = 'Could not list the relation types: ' + e.message; });
  }

  // ---------------------------------------------------------------- graph contents
  function nodeData(n, distance) {
    var isEvent = n.__typename === 'Event';
    return {
      id: n.id,
      label: isEvent ? n.type + (n.time ? ' ' + n.time.value : '') : n.name,
      name: isEvent ? n.label : n.name,
      kind: isEvent ? 'Event' : n.kind,
      degree: n.degree,
      eventType: isEvent ? n.type : undefined,
      modality: isEvent ? n.modality : undefined,
      weak: isEvent && !!WEAK[n.modality],
      start: isEvent && n.time ? n.time.start : undefined,
      end: isEvent && n.time ? n.time.end : undefined,
      distance: distance
    };
  }
  function edgeData(e) {
    var role = !!ROLE_TYPES[e.type] && /^event:/.test(e.from);
    return {
      id: e.id, source: e.from, target: e.to, type: e.type, role: role,
      sourceCount: e.sourceCount, confidence: e.confidence, firstSeen: e.firstSeen, lastSeen: e.lastSeen
    };
  }

  // add puts nodes and edges into the drawing (those already there are updated, not
  // moved) and records which expansion (via) brought each node in. New nodes are placed
  // around anchor, or around a drawn neighbour. It returns the new nodes.
  function add(nodes, edges, via, anchor) {
    var added = cy.collection();
    var newNodes = [], newEdges = [];
    cy.batch(function () {
      nodes.forEach(function (sn) {
        var n = sn.node, d = sn.distance;
        var have = cy.getElementById(n.id);
        if (have.nonempty()) {
          var v = have.data('via') || [];
          if (v.indexOf(via) < 0) have.data('via', v.concat([via]));
          if (n.degree != null) have.data('degree', n.degree);
          return;
        }
        var data = nodeData(n, d);
        data.via = [via];
        newNodes.push({ group: 'nodes', data: data, position: { x: 0, y: 0 } });
      });
      // One add for all of them: far cheaper than one call per element.
      added = cy.add(newNodes);
      edges.forEach(function (e) {
        var have = cy.getElementById(e.id);
        if (have.nonempty()) {
          have.data({ sourceCount: e.sourceCount, confidence: e.confidence, firstSeen: e.firstSeen, lastSeen: e.lastSeen });
          return;
        }
        if (cy.getElementById(e.from).empty() || cy.getElementById(e.to).empty()) return;
        var data = edgeData(e);
        var known = modalities[e.id];
        if (known) { data.modality = known; data.weak = !!WEAK[known]; }
        newEdges.push({ group: 'edges', data: data });
      });
      cy.add(newEdges);
      // Place the new nodes near what they attach to, so a local layout starts close.
      // (in order, so along a path each new node goes next to the one before it).
      var placed = {};
      added.forEach(function (n, i) {
        var near = anchor;
        if (!near || near.empty()) {
          near = n.neighborhood('node').filter(function (m) { return !added.has(m) || placed[m.id()]; }).first();
        }
        placed[n.id()] = true;
        var c = near && near.nonempty() ? near.position() : { x: 0, y: 0 };
        var r = 60 + 12 * Math.sqrt(i + 1);
        var a = i * 2.399963; // golden angle: an even spiral
        n.position({ x: c.x + r * Math.cos(a), y: c.y + r * Math.sin(a) });
      });
    });
    return added;
  }

  // runLayout lays out eles with fCoSE: the whole drawing from scratch, or (whole false)
  // only the nodes in fresh, with the other nodes of eles pinned where they are.
  function runLayout(eles, whole, fresh, thorough) {
    return new Promise(function (resolve) {
      if (eles.nodes().length === 0 || (!whole && fresh && fresh.empty())) { resolve(); return; }
      var n = eles.nodes().length;
      var fixed = whole || !fresh ? undefined : eles.nodes().difference(fresh).map(function (node) {
        return { nodeId: node.id(), position: Object.assign({}, node.position()) };
      });
      var opts = {
        name: 'fcose',
        // The spectral draft alone clumps dense views into a ball, but the force pass takes
        // minutes of CPU above 1,000 nodes: there, the draft first, and "Lay out again"
        // (thorough) runs the force pass on request.
        quality: n > 1000 && !thorough ? 'draft' : 'default',
        randomize: whole,
        animate: false,
        fit: whole,
        padding: 30,
        nodeDimensionsIncludeLabels: false,
        idealEdgeLength: function (e) { return e.data('role') ? 60 : 110; },
        nodeRepulsion: function () { return 20000; },
        nodeSeparation: 90,
        uniformNodeDimensions: true,
        numIter: n > 300 ? 1200 : 2500,
        tile: true,
        packComponents: whole,
        fixedNodeConstraint: fixed && fixed.length ? fixed : undefined
      };
      // Parallel edges (several relation types between the same two entities) pull the
      // same way: the layout needs one edge per pair, which is much faster on hubs.
      var seen = {};
      var simple = eles.nodes().union(eles.edges().filter(function (e) {
        var a = e.data('source'), b = e.data('target');
        var k = a < b ? a + '\u0000' + b : b + '\u0000' + a;
        if (seen[k]) return false;
        seen[k] = true;
        return true;
      }));
      var layout = simple.layout(opts);
      layout.one('layoutstop', function () { resolve(); });
      layout.run();
    });
  }

  // Modality is not on subgraph edges; each entity's relations carry it. Edges learn
  // theirs in the background, a batch of entities a query, and turn dashed if alleged or
  // denied.
  var modalities = {};
  var modalityAsked = {};
  var modalityQueue = Promise.resolve();
  function fillModalities() {
    var ids = [];
    modalityAsked = {};
    cy.edges().forEach(function (e) {
      if (e.data('role') || e.data('modality')) return;
      var s = e.data('source');
      if (!modalityAsked[s]) { modalityAsked[s] = true; ids.push(s); }
    });
    // Events' role edges are as certain as the event.
    cy.edges('[?role]').forEach(function (e) {
      var ev = e.source();
      if (ev.data('weak') && !e.data('weak')) e.data('weak', true);
    });
    var chunks = [];
    for (var i = 0; i < ids.length; i += 40) chunks.push(ids.slice(i, i + 40));
    busy(1);
    chunks.forEach(function (chunk) {
      modalityQueue = modalityQueue.then(function () {
        return gql(Q_MODALITY(chunk)).then(function (d) {
          cy.batch(function () {
            Object.keys(d).forEach(function (k) {
              if (!d[k]) return;
              d[k].relations.forEach(function (r) {
                modalities[r.id] = r.modality;
                var e = cy.getElementById(r.id);
                if (e.nonempty()) e.data({ modality: r.modality, weak: !!WEAK[r.modality] });
              });
            });
          });
        }).catch(function (e) {
          console.warn('modality:', e.message);
        });
      });
    });
    modalityQueue = modalityQueue.then(function () { busy(-1); });
    return modalityQueue;
  }

  function neighbourhood(id, depth) {
    var t0 = performance.now();
    return gql(Q_NEIGHBOURHOOD, {
      id: id, depth: depth, limit: state.limit,
      types: state.types.length ? state.types : null, dir: state.dir,
      minC: state.minC > 0 ? state.minC : null, minS: state.minS > 1 ? state.minS : null,
      from: state.from || null, to: state.to || null
    }).then(function (d) {
      if (!d.entity) throw new Error('no entity ' + JSON.stringify(id));
      d.queryMs = performance.now() - t0;
      return d;
    });
  }

  // Views with thousands of edges are drawn cheaply: straight (haystack) edges without
  // arrows or labels, which Cytoscape draws several times faster than bezier curves.
  var bigView = false;
  function tuneForSize() {
    var big = cy.edges().length > 2500;
    if (big === bigView) return;
    bigView = big;
    cy.style().selector('edge').style(big
      ? { 'curve-style': 'haystack', 'haystack-radius': 0, label: '', 'target-arrow-shape': 'none' }
      : { 'curve-style': 'bezier', label: 'data(type)', 'target-arrow-shape': 'triangle' }).update();
    // Node labels only once zoomed in far enough to tell them apart.
    cy.style().selector('node').style({ 'min-zoomed-font-size': big ? 14 : 7 }).update();
    $('stage').classList.toggle('big', big);
  }

  function markFlags() {
    cy.batch(function () {
      cy.nodes().forEach(function (n) {
        n.data('root', state.roots.indexOf(n.id()) >= 0);
        n.data('expanded', state.expanded.indexOf(n.id()) >= 0);
      });
    });
  }

  // rebuild queries every root and expansion again with the current filters; nodes that
  // stay keep their place. With markNew, what was not in the view when it was opened is
  // marked.
  function rebuild(opts) {
    opts = opts || {};
    var t0 = performance.now();
    var ids = state.roots.concat(state.expanded.filter(function (x) { return state.roots.indexOf(x) < 0; }));
    if (!ids.length) return Promise.resolve();
    setStatus('Loading…');
    return track(Promise.all(ids.map(function (id, i) {
      return neighbourhood(id, i < state.roots.length ? state.depth : 1);
    })).then(function (results) {
      var tq = performance.now();
      // Canonical ids: a root given as a name ("Kim Jong-un") becomes its id.
      results.forEach(function (d, i) {
        if (i < state.roots.length) state.roots[i] = d.entity.id;
        else state.expanded[i - state.roots.length] = d.entity.id;
      });
      var keep = {};
      var firstDraw = cy.nodes().empty();
      var addedAll = cy.collection();
      var before = {};
      cy.elements().forEach(function (e) { before[e.id()] = true; });
      results.forEach(function (d, i) {
        var via = d.entity.id;
        var sub = d.entity.neighborhood;
        sub.nodes.forEach(function (n) { keep[n.node.id] = true; });
        sub.edges.forEach(function (e) { keep[e.id] = true; });
        keep[via] = true;
        var anchor = cy.getElementById(via);
        addedAll = addedAll.union(add(sub.nodes, sub.edges, via, anchor.nonempty() ? anchor : null));
      });
      // Path elements stay while the path is shown.
      cy.elements('.path').forEach(function (e) { keep[e.id()] = true; });
      var gone = cy.elements().filter(function (e) { return !keep[e.id()]; });
      cy.remove(gone);
      markFlags();
      tuneForSize();
      var ta = performance.now();
      var layoutEles = firstDraw ? cy.elements() : addedAll.union(addedAll.neighborhood());
      return runLayout(layoutEles, firstDraw, addedAll).then(function () {
        var tl = performance.now();
        if (firstDraw) cy.fit(undefined, 30);
        return new Promise(function (resolve) {
          requestAnimationFrame(function () {
            requestAnimationFrame(function () {
              var td = performance.now();
              var t = {
                nodes: cy.nodes().length, edges: cy.edges().length,
                queryMs: Math.round(tq - t0), addMs: Math.round(ta - tq), layoutMs: Math.round(tl - ta),
                paintMs: Math.round(td - tl), drawnMs: Math.round(td - t0), atMs: Math.round(td)
              };
              bench.timings.push(t);
              var newCount = '';
              if (opts.markNew && baseline) newCount = markNew();
              if (!baseline || opts.resetBaseline) takeBaseline();
              else if (!opts.markNew) extendBaseline();
              setStatus(cy.nodes().length + ' nodes, ' + cy.edges().length + ' edges; drawn in ' + t.drawnMs + ' ms' +
                (gone.length ? '; ' + gone.nodes().length + ' nodes filtered out' : '') + newCount);
              updateNodeList();
              writeURL();
              fillModalities();
              resolve(t);
            });
          });
        });
      });
    }).catch(function (e) {
      setStatus('Could not load the neighbourhood: ' + e.message +
        (e.code === 'LIMIT_EXCEEDED' ? ' — lower the depth or the number of nodes.' : ''), true);
      throw e;
    }));
  }

  function takeBaseline() {
    baseline = {};
    cy.elements().forEach(function (e) { baseline[e.id()] = e.isEdge() ? (e.data('sourceCount') || 0) : true; });
    openedAt = new Date();
  }

  // What an expansion, a filter or a path brings in is seen, not new: only Refresh
  // marks what appeared in the data since.
  function extendBaseline() {
    cy.elements().forEach(function (e) {
      if (baseline[e.id()] === undefined) baseline[e.id()] = e.isEdge() ? (e.data('sourceCount') || 0) : true;
    });
  }

  function markNew() {
    var newRel = 0, newEv = 0, newNodes = 0, updated = 0;
    cy.batch(function () {
      cy.elements().forEach(function (e) {
        var was = baseline[e.id()];
        if (was === undefined) {
          e.addClass('new');
          if (e.isEdge() && !e.data('role')) newRel++;
          else if (e.isNode() && e.data('kind') === 'Event') newEv++;
          else if (e.isNode()) newNodes++;
        } else if (e.isEdge() && (e.data('sourceCount') || 0) > was) {
          e.addClass('updated');
          updated++;
        }
      });
    });
    var since = openedAt ? openedAt.toLocaleTimeString() : 'opening';
    return '; new in view since ' + since + ': ' + newRel + ' relations, ' + newEv + ' events, ' + newNodes +
      ' entities; ' + updated + ' relations with more sources';
  }

  // ---------------------------------------------------------------- actions
  function openEntity(id) {
    cy.elements().remove();
    baseline = null;
    state.roots = [id];
    state.expanded = [];
    state.sel = '';
    state.pathMode = '';
    clearDetails();
    return rebuild({ resetBaseline: true }).then(function (t) { fitTimeBounds(); return t; });
  }

  // Stretch the time slider to the dates in view (once, on the first draw).
  function fitTimeBounds() {
    var lo = null, hi = null;
    var see = function (d) {
      if (!d) return;
      if (!lo || d < lo) lo = d;
      if (!hi || d > hi) hi = d;
    };
    cy.edges().forEach(function (e) { see(e.data('firstSeen')); see(e.data('lastSeen')); });
    cy.nodes('[kind = "Event"]').forEach(function (n) { see(n.data('start')); see(n.data('end')); });
    if (lo && hi) {
      setMonthRange(lo.slice(0, 4) + '-01', hi.slice(0, 4) + '-12');
    }
  }

  function toggleExpand(id) {
    var i = state.expanded.indexOf(id);
    if (state.roots.indexOf(id) >= 0) {
      setStatus('The opened entity cannot be collapsed; open another one instead.');
      return Promise.resolve();
    }
    if (i >= 0) {
      collapse(id);
      return Promise.resolve();
    }
    state.expanded.push(id);
    return rebuild();
  }

  // collapse removes what only this node's expansion brought in (and, in turn, what
  // only those brought in).
  function collapse(id) {
    var idx = state.expanded.indexOf(id);
    if (idx < 0) return;
    state.expanded.splice(idx, 1);
    var removed = 0;
    var queue = [id];
    while (queue.length) {
      var via = queue.shift();
      cy.nodes().forEach(function (n) {
        var v = n.data('via') || [];
        var k = v.indexOf(via);
        if (k < 0) return;
        v = v.slice(0, k).concat(v.slice(k + 1));
        n.data('via', v);
        if (v.length === 0 && state.roots.indexOf(n.id()) < 0 && !n.hasClass('path')) {
          var j = state.expanded.indexOf(n.id());
          if (j >= 0) { state.expanded.splice(j, 1); queue.push(n.id()); }
          n.remove();
          removed++;
        }
      });
    }
    markFlags();
    updateNodeList();
    writeURL();
    setStatus('Collapsed: ' + removed + ' nodes removed; ' + cy.nodes().length + ' in view.');
  }

  // ---------------------------------------------------------------- details panel
  function clearDetails() {
    var d = $('details');
    d.textContent = '';
    d.appendChild(el('p', { class: 'hint', text: 'Click a node for its card, an edge or an event for its evidence. Double-click a node to expand or collapse it.' }));
  }
  function panel(title, kindClass) {
    var d = $('details');
    d.textContent = '';
    var h = el('h2', { class: kindClass || '', text: title });
    d.appendChild(h);
    return d;
  }
  function dl(pairs) {
    var list = el('dl');
    pairs.forEach(function (p) {
      if (p[1] == null || p[1] === '' || (Array.isArray(p[1]) && !p[1].length)) return;
      list.appendChild(el('dt', { text: p[0] }));
      list.appendChild(el('dd', null, [Array.isArray(p[1]) ? p[1].join(', ') : String(p[1])]));
    });
    return list;
  }
  function selectOnly(id) {
    cy.elements(':selected').unselect();
    var e = cy.getElementById(id);
    if (e.nonempty()) e.select();
    state.sel = id;
    writeURL();
  }

  function showNode(id) {
    selectOnly(id);
    var n = cy.getElementById(id);
    if (n.nonempty() && n.data('kind') === 'Event' || /^event:/.test(id)) return showEvent(id);
    var d = panel('Loading…');
    return track(gql(Q_CARD, { id: id })).then(function (data) {
      var e = data.entity;
      if (!e) { panel('No entity ' + id); return; }
      d = panel(e.name, 'kind-' + e.kind);
      d.appendChild(el('p', { class: 'kind', text: (KINDS[e.kind] || {}).label || e.kind }));
      if (e.description) d.appendChild(el('p', { text: e.description }));
      var inView = n.nonempty() ? n.connectedEdges().length : 0;
      d.appendChild(dl([
        ['Id', e.id], ['Aliases', e.aliases],
        ['Keys', e.keys.map(function (k) { return k.name + ' ' + k.value; })],
        ['ISO codes', e.iso3 ? [e.iso2, e.iso3].filter(Boolean) : null],
        ['Degree', e.degree + ' relations and events (' + inView + ' edges in view)']
      ]));
      var actions = el('div', { class: 'row' });
      if (state.roots.indexOf(e.id) < 0) {
        actions.appendChild(el('button', {
          type: 'button', id: 'card-expand',
          text: state.expanded.indexOf(e.id) >= 0 ? 'Collapse' : 'Expand',
          onclick: function () { toggleExpand(e.id).then(function () { showNode(e.id); }); }
        }));
      }
      actions.appendChild(el('button', { type: 'button', text: 'Open as centre', onclick: function () { openEntity(e.id); } }));
      d.appendChild(actions);
      var pathRow = el('div', { class: 'row' }, [
        el('button', { type: 'button', id: 'card-path-from', text: 'Path from here', onclick: function () { $('path-from').value = e.name; state.pathFrom = e.name; $('path-to').focus(); } }),
        el('button', { type: 'button', text: 'Path to here', onclick: function () { $('path-to').value = e.name; state.pathTo = e.name; $('path-from').focus(); } })
      ]);
      d.appendChild(pathRow);
      d.appendChild(timelineStrip(e.timeline));
    }).catch(function (err) { panel('Could not load ' + id + ': ' + err.message); });
  }

  // A strip of the entity's events by time: one focusable mark per event.
  function timelineStrip(events) {
    var box = el('section', { class: 'timeline', 'aria-label': 'Timeline' });
    box.appendChild(el('h3', { text: 'Timeline (' + events.length + ' events)' }));
    var dated = events.filter(function (ev) { return ev.time; });
    var undated = events.filter(function (ev) { return !ev.time; });
    if (dated.length) {
      var t = function (s) { return Date.parse(s + 'T00:00:00Z'); };
      var lo = Math.min.apply(null, dated.map(function (ev) { return t(ev.time.start); }));
      var hi = Math.max.apply(null, dated.map(function (ev) { return t(ev.time.end); }));
      var span = Math.max(hi - lo, 86400000);
      var strip = el('div', { class: 'strip', role: 'list' });
      dated.forEach(function (ev) {
        var a = (t(ev.time.start) - lo) / span, b = (t(ev.time.end) - lo) / span;
        var mark = el('button', {
          type: 'button', role: 'listitem', class: 'tick' + (WEAK[ev.modality] ? ' weak' : ''),
          title: ev.time.value + ' ' + ev.type + ': ' + ev.label,
          'aria-label': ev.time.value + ', ' + ev.type + ', ' + ev.modality + ': ' + ev.label,
          onclick: function () { showEvent(ev.id); }
        });
        mark.style.left = (a * 100).toFixed(2) + '%';
        mark.style.width = Math.max((b - a) * 100, 0.8).toFixed(2) + '%';
        strip.appendChild(mark);
      });
      box.appendChild(strip);
      box.appendChild(el('div', { class: 'strip-axis' }, [
        el('span', { text: new Date(lo).toISOString().slice(0, 10) }),
        el('span', { text: new Date(hi).toISOString().slice(0, 10) })
      ]));
    }
    var list = el('ol', { class: 'events' });
    dated.concat(undated).forEach(function (ev) {
      list.appendChild(el('li', null, [el('button', {
        type: 'button', class: 'link', text: (ev.time ? ev.time.value : 'undated') + ' · ' + ev.type + ' · ' + ev.label,
        onclick: function () { showEvent(ev.id); }
      })]));
    });
    box.appendChild(list);
    return box;
  }

  // highlight returns the quote with the given names in bold, inside a <mark>.
  function highlight(quote, names) {
    var mark = el('mark');
    var words = names.filter(Boolean).map(function (s) { return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'); });
    if (!words.length) { mark.textContent = quote; return mark; }
    var re = new RegExp('(' + words.join('|') + ')', 'gi');
    var last = 0, m;
    while ((m = re.exec(quote)) !== null) {
      if (m[0] === '') { re.lastIndex++; continue; }
      mark.appendChild(document.createTextNode(quote.slice(last, m.index)));
      mark.appendChild(el('strong', { text: m[0] }));
      last = m.index + m[0].length;
    }
    mark.appendChild(document.createTextNode(quote.slice(last)));
    return mark;
  }

  function evidenceList(evidence, names) {
    var box = el('section', { class: 'evidence', 'aria-label': 'Evidence' });
    box.appendChild(el('h3', { text: 'Evidence (' + evidence.length + ')' }));
    evidence.forEach(function (ev) {
      var a = ev.article || {};
      var title = a.url ? el('a', { href: a.url, target: '_blank', rel: 'noopener noreferrer', text: a.title || a.id }) : el('span', { text: a.title || a.id });
      box.appendChild(el('figure', { class: 'quote' }, [
        el('blockquote', null, [highlight(ev.quote, names)]),
        el('figcaption', null, [
          title,
          el('span', { class: 'meta', text: [a.publisher, a.publishedAt].filter(Boolean).join(', ') }),
          ev.attribution ? el('span', { class: 'meta', text: 'according to ' + ev.attribution }) : null,
          ev.rule ? el('span', { class: 'meta rule', text: 'rule ' + ev.rule }) : null
        ])
      ]));
    });
    return box;
  }

  function fmtQuantities(qs) {
    return (qs || []).map(function (q) { return (q.approx ? 'about ' : '') + q.value + ' ' + q.unit + (q.of ? ' (' + q.of + ')' : ''); });
  }

  function showEdge(id) {
    selectOnly(id);
    var e = cy.getElementById(id);
    var parts = id.split('|');
    var from = e.nonempty() ? e.data('source') : parts[0];
    var type = e.nonempty() ? e.data('type') : parts[1];
    if (ROLE_TYPES[type] && /^event:/.test(from)) return showEvent(from);
    panel('Loading…');
    return track(gql(Q_RELATION, { id: from, type: type })).then(function (d) {
      var rel = d.entity && d.entity.relations.filter(function (r) { return r.id === id; })[0];
      if (!rel) { panel('The relation ' + id + ' is no longer in the graph.'); return; }
      var box = panel(rel.from.name + ' \u2192 ' + rel.type + ' \u2192 ' + rel.to.name, 'relation');
      box.appendChild(dl([
        ['Type', rel.type], ['Modality', rel.modality], ['Confidence', rel.confidence],
        ['Sources', rel.sourceCount], ['First seen', rel.firstSeen], ['Last seen', rel.lastSeen],
        ['Time', rel.time && rel.time.value], ['Quantities', fmtQuantities(rel.quantities)]
      ]));
      box.appendChild(evidenceList(rel.evidence, [rel.from.name, rel.to.name]));
    }).catch(function (err) { panel('Could not load the evidence: ' + err.message); });
  }

  function showEvent(id) {
    selectOnly(id);
    panel('Loading…');
    return track(gql(Q_EVENT, { id: id })).then(function (d) {
      var ev = d.node;
      if (!ev) { panel('No event ' + id); return; }
      var box = panel(ev.label, 'kind-Event');
      box.appendChild(el('p', { class: 'kind', text: 'Event · ' + ev.type }));
      box.appendChild(dl([
        ['Time', ev.time && ev.time.value + ' (' + ev.time.precision + ')'], ['Modality', ev.modality],
        ['Confidence', ev.confidence], ['Sources', ev.sourceCount], ['Quantities', fmtQuantities(ev.quantities)]
      ]));
      var roles = el('ul', { class: 'roles' });
      ev.roles.forEach(function (r) {
        roles.appendChild(el('li', null, [r.role + ': ', el('button', { type: 'button', class: 'link', text: r.entity.name, onclick: function () { showNode(r.entity.id); } })]));
      });
      box.appendChild(roles);
      box.appendChild(evidenceList(ev.evidence, ev.roles.map(function (r) { return r.entity.name; })));
    }).catch(function (err) { panel('Could not load the event: ' + err.message); });
  }

  // ---------------------------------------------------------------- paths
  function findPath(mode) {
    var from = $('path-from').value.trim(), to = $('path-to').value.trim();
    if (!from || !to) { setStatus('Give both ends of the path (a name, alias or id).', true); return Promise.resolve(); }
    state.pathFrom = from; state.pathTo = to; state.pathMode = mode;
    var vars = { from: from, to: to, hops: +$('path-hops').value, types: state.types.length ? state.types : null };
    setStatus('Looking for ' + (mode === 'all' ? 'paths' : 'the shortest path') + '…');
    return track(gql(mode === 'all' ? Q_PATHS : Q_SHORTEST, vars).then(function (d) {
      var paths = mode === 'all' ? d.paths : (d.shortestPath ? [d.shortestPath] : []);
      cy.elements('.path').removeClass('path');
      cy.elements().removeClass('dim');
      var box = panel(paths.length ? 'Paths from ' + from + ' to ' + to : 'No path from ' + from + ' to ' + to, 'paths');
      if (!paths.length) {
        box.appendChild(el('p', { text: 'None within ' + vars.hops + ' hops' + (vars.types ? ' through ' + vars.types.join(', ') : '') + '.' }));
        setStatus('No path found.');
        writeURL();
        return;
      }
      var firstDraw = cy.nodes().empty();
      var added = cy.collection();
      paths.forEach(function (p) {
        added = added.union(add(p.nodes.map(function (n) { return { node: n, distance: null }; }), p.edges, 'path', null));
      });
      var onPath = cy.collection();
      paths.forEach(function (p, i) {
        p.nodes.forEach(function (n) { onPath = onPath.union(cy.getElementById(n.id)); });
        p.edges.forEach(function (e) { onPath = onPath.union(cy.getElementById(e.id)); });
        var ol = el('ol', { class: 'path-steps', 'aria-label': 'Path ' + (i + 1) });
        p.nodes.forEach(function (n, k) {
          var name = n.__typename === 'Event' ? n.type + ': ' + n.label : n.name;
          var li = el('li', null, [el('button', { type: 'button', class: 'link', text: name, onclick: function () { showNode(n.id); } })]);
          var edge = p.edges[k];
          if (edge) {
            li.appendChild(document.createTextNode(' '));
            li.appendChild(el('button', { type: 'button', class: 'link edge', text: '\u2014' + edge.type + (edge.from === n.id ? '\u2192' : ' (reverse)'), onclick: function () { showEdge(edge.id); } }));
          }
          ol.appendChild(li);
        });
        box.appendChild(el('h3', { text: 'Path ' + (i + 1) + ': ' + p.length + ' hops' }));
        box.appendChild(ol);
      });
      onPath.addClass('path');
      cy.elements().difference(onPath).addClass('dim');
      markFlags();
      var done = added.nonempty() ? runLayout(firstDraw ? cy.elements() : added.union(added.neighborhood()), firstDraw, added) : Promise.resolve();
      return done.then(function () {
        cy.animate({ fit: { eles: onPath, padding: 60 }, duration: 250 });
        if (baseline) extendBaseline();
        setStatus(paths.length + ' path(s) highlighted; the shortest has ' + paths[0].length + ' hops.');
        updateNodeList();
        writeURL();
        fillModalities();
      });
    }).catch(function (err) {
      setStatus('Could not find a path: ' + err.message, true);
    }));
  }

  function clearPath() {
    cy.elements().removeClass('path dim');
    state.pathMode = '';
    // Path-only nodes (not in any neighbourhood) go away.
    cy.nodes().filter(function (n) {
      var v = n.data('via') || [];
      return v.length === 1 && v[0] === 'path';
    }).remove();
    cy.nodes().forEach(function (n) {
      var v = n.data('via') || [];
      if (v.indexOf('path') >= 0) n.data('via', v.filter(function (x) { return x !== 'path'; }));
    });
    updateNodeList();
    writeURL();
  }

  // ---------------------------------------------------------------- node list (keyboard access)
  var LIST_MAX = 500;
  function updateNodeList() {
    var list = $('node-list');
    list.textContent = '';
    var nodes = cy.nodes().sort(function (a, b) {
      var da = a.data('distance'), db = b.data('distance');
      da = da == null ? 99 : da; db = db == null ? 99 : db;
      return da - db || (a.data('label') < b.data('label') ? -1 : 1);
    });
    $('nodes-count').textContent = '(' + nodes.length + ')';
    nodes.slice(0, LIST_MAX).forEach(function (n) {
      var kind = (KINDS[n.data('kind')] || KINDS.Event).label;
      list.appendChild(el('li', null, [el('button', {
        type: 'button', class: 'link', 'data-id': n.id(),
        text: n.data('label') + ' \u2014 ' + kind + (n.data('distance') != null ? ', ' + n.data('distance') + ' hops' : ''),
        onclick: function () { showNode(n.id()); cy.animate({ center: { eles: n }, duration: 200 }); }
      })]));
    });
    if (nodes.length > LIST_MAX) list.appendChild(el('li', { text: '… and ' + (nodes.length - LIST_MAX) + ' more' }));
  }

  // ---------------------------------------------------------------- search with suggestions
  var suggestSeq = 0, suggestTimer = null, active = -1, hits = [];
  function showSuggestions(list) {
    var ul = $('suggestions');
    ul.textContent = '';
    hits = list;
    active = -1;
    list.forEach(function (h, i) {
      var kind = KINDS[h.entity.kind] || KINDS.Event;
      var dot = el('span', { class: 'swatch shape-' + kind.shape, 'aria-hidden': 'true' });
      dot.style.background = kind.color;
      var aliases = h.entity.aliases.length ? ' (' + h.entity.aliases.slice(0, 3).join(', ') + ')' : '';
      ul.appendChild(el('li', {
        role: 'option', id: 'sugg-' + i, 'aria-selected': 'false', 'data-id': h.entity.id,
        onmousedown: function (ev) { ev.preventDefault(); choose(i); }
      }, [dot, el('span', { class: 'name', text: h.entity.name }), el('span', { class: 'meta', text: ' ' + kind.label + aliases })]));
    });
    ul.hidden = list.length === 0;
    $('q').setAttribute('aria-expanded', list.length ? 'true' : 'false');
  }
  function setActive(i) {
    var items = $('suggestions').children;
    if (!items.length) return;
    active = (i + items.length) % items.length;
    Array.prototype.forEach.call(items, function (li, k) { li.setAttribute('aria-selected', k === active ? 'true' : 'false'); });
    $('q').setAttribute('aria-activedescendant', 'sugg-' + active);
  }
  function choose(i) {
    var h = hits[i];
    if (!h) return;
    $('q').value = h.entity.name;
    showSuggestions([]);
    $('q').removeAttribute('aria-activedescendant');
    openEntity(h.entity.id).then(function () { showNode(h.entity.id); }, function () {});
  }
  $('q').addEventListener('input', function () {
    var text = $('q').value.trim();
    clearTimeout(suggestTimer);
    if (text.length < 2) { showSuggestions([]); return; }
    suggestTimer = setTimeout(function () {
      var seq = ++suggestSeq;
      gql(Q_SEARCH, { text: text }).then(function (d) {
        if (seq === suggestSeq) showSuggestions(d.search);
      }).catch(function (e) { setStatus('Search failed: ' + e.message, true); });
    }, 150);
  });
  $('q').addEventListener('keydown', function (ev) {
    if (ev.key === 'ArrowDown') { ev.preventDefault(); setActive(active + 1); }
    else if (ev.key === 'ArrowUp') { ev.preventDefault(); setActive(active - 1); }
    else if (ev.key === 'Escape') { showSuggestions([]); }
  });
  $('q').addEventListener('blur', function () { setTimeout(function () { showSuggestions([]); }, 150); });
  $('search-form').addEventListener('submit', function (ev) {
    ev.preventDefault();
    if (active >= 0) { choose(active); return; }
    if (hits.length) { choose(0); return; }
    var text = $('q').value.trim();
    if (!text) return;
    gql(Q_SEARCH, { text: text }).then(function (d) {
      if (!d.search.length) { setStatus('Nothing found for ' + JSON.stringify(text) + '.', true); return; }
      hits = d.search;
      choose(0);
    }).catch(function (e) { setStatus('Search failed: ' + e.message, true); });
  });

  // ---------------------------------------------------------------- events on the drawing
  cy.on('tap', 'node', function (ev) { showNode(ev.target.id()); });
  cy.on('tap', 'edge', function (ev) { showEdge(ev.target.id()); });
  cy.on('dbltap', 'node', function (ev) {
    var n = ev.target;
    if (n.data('kind') === 'Event') return;
    toggleExpand(n.id());
  });

  // ---------------------------------------------------------------- controls
  $('min-conf').addEventListener('input', function () {
    var v = +$('min-conf').value;
    $('min-conf-out').textContent = v > 0 ? v.toFixed(2) : 'any';
  });
  ['win-from', 'win-to'].forEach(function (id) {
    $(id).addEventListener('input', windowFromInputs);
    $(id).addEventListener('change', function () { apply(); });
  });
  $('types').addEventListener('change', function () {
    var n = $('types').querySelectorAll('input:checked').length;
    $('types-count').textContent = n ? '(' + n + ')' : '(all)';
  });
  function apply() {
    controlsToState();
    if (!state.roots.length) { writeURL(); return Promise.resolve(); }
    return rebuild().catch(function () {});
  }
  $('apply').addEventListener('click', apply);
  $('shortest').addEventListener('click', function () { findPath('shortest'); });
  $('allpaths').addEventListener('click', function () { findPath('all'); });
  $('clear-path').addEventListener('click', clearPath);
  $('refresh').addEventListener('click', function () {
    if (!state.roots.length) return;
    cy.elements().removeClass('new updated');
    rebuild({ markNew: true }).catch(function () {});
  });
  $('fit').addEventListener('click', function () { cy.fit(undefined, 30); });
  $('relayout').addEventListener('click', function () {
    setStatus('Laying out ' + cy.nodes().length + ' nodes…');
    var t0 = performance.now();
    track(runLayout(cy.elements(), true, null, true)).then(function () {
      cy.fit(undefined, 30);
      setStatus('Laid out in ' + Math.round(performance.now() - t0) + ' ms.');
    });
  });
  $('clear').addEventListener('click', function () {
    cy.elements().remove();
    state.roots = []; state.expanded = []; state.pathMode = ''; state.sel = '';
    baseline = null;
    clearDetails(); updateNodeList(); writeURL();
    setStatus('Cleared. Search for an entity to start.');
  });

  function download(name, blob) {
    var a = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
  }
  function fileBase() {
    return 'factgraph-' + (state.roots[0] || 'view').replace(/[^A-Za-z0-9_-]+/g, '-');
  }
  function exportJSON() {
    return {
      exportedAt: new Date().toISOString(),
      url: location.href,
      state: JSON.parse(JSON.stringify(state)),
      nodes: cy.nodes().map(function (n) {
        var d = Object.assign({}, n.data());
        delete d.via;
        return { data: d, position: n.position(), classes: n.classes() };
      }),
      edges: cy.edges().map(function (e) { return { data: e.data(), classes: e.classes() }; })
    };
  }
  bench.exportJSON = exportJSON;
  $('export-png').addEventListener('click', function () {
    download(fileBase() + '.png', cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' }));
  });
  $('export-json').addEventListener('click', function () {
    download(fileBase() + '.json', new Blob([JSON.stringify(exportJSON(), null, 2)], { type: 'application/json' }));
  });
  $('copy-link').addEventListener('click', function () {
    writeURL();
    $('share').select();
    var done = function () { setStatus('Link copied: it restores this view.'); };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(location.href).then(done, function () { setStatus('Select the link below and copy it.'); });
    } else {
      document.execCommand('copy');
      done();
    }
  });
  $('help-link').addEventListener('click', function (ev) {
    ev.preventDefault();
    var d = panel('How to use the explorer');
    [
      'Search: type a name or alias (typos are fine), pick a suggestion with the arrow keys and Enter, or click it.',
      'Click a node for its card (aliases, keys, degree, timeline); click an edge or an event for its evidence.',
      'Double-click a node (or use Expand on its card) to add its neighbours; again to collapse.',
      'Filters apply to every neighbourhood in view; the time slider applies when released.',
      'Path: give two names and ask for the shortest path or up to five paths; they are drawn in red.',
      'Refresh queries again, keeps the layout and rings what is new since the view was opened in green.',
      'The address bar always holds the view: copy it to share.',
      'Keyboard: every control is reachable with Tab; "Nodes in view" lists every node as a button.'
    ].forEach(function (t) { d.appendChild(el('p', { text: t })); });
  });

  // ---------------------------------------------------------------- start
  readURL();
  stateToControls();
  writeURL();
  var start = loadTypes();
  if (state.roots.length) {
    start = start.then(function () {
      return rebuild({ resetBaseline: true }).then(function () {
        fitTimeBounds();
        stateToControls();
        if (state.pathMode && state.pathFrom && state.pathTo) return findPath(state.pathMode);
      }).then(function () {
        if (state.sel) {
          var sel = state.sel;
          return /\|/.test(sel) ? showEdge(sel) : showNode(sel);
        }
      }).catch(function () {});
    });
  }
  start.then(function () { bench.ready = true; });
})();
