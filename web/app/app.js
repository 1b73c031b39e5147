/*
 * The web app of `entente serve` (docs/serve.md): every view reads the JSON API, the same JSON the
 * command line prints, and shows it as a chart, a table and a CSV link. The page's state (year,
 * focus, triangle) lives in the URL, so a view can be shared.
 * <body data-ready> is "true" once every view shows the data of <body data-year>; the browser
 * test waits for it.
 */
(function () {
  'use strict';

  var RELATIONS = ['alliance', 'entente', 'aligned', 'neutral', 'rival', 'hostile'];
  var RELATION_COLORS = ['#1f5fa8', '#5b95cf', '#a9cce8', '#b9b9b9', '#ec8a68', '#b2182b'];
  var FOCUS_COLOR = '#5b3f8c';
  var OUTSIDE = 'not in the data';
  var MIN_WEIGHT = 0.5;  // the signed graph of `entente balance --year`: treaties and antagonism

  var state = { year: 2012, focus: 'USA', tri: ['USA', 'RUS', 'CHN'] };
  var world = null;
  var pending = 0;

  function $(id) { return document.getElementById(id); }

  function api(path) {
    return fetch(path).then(function (r) {
      return r.json().then(function (body) {
        if (!r.ok) throw new Error(body.error || ('HTTP ' + r.status));
        return body;
      });
    });
  }

  function showError(message) {
    var e = $('error');
    e.textContent = message;
    e.hidden = !message;
  }

  // ---- URL state ------------------------------------------------------------------------------
  function readUrl() {
    var q = new URLSearchParams(window.location.search);
    var y = Number(q.get('year'));
    if (Number.isInteger(y) && y >= 1946 && y <= 2012) state.year = y;
    if (q.get('focus')) state.focus = q.get('focus');
    var tri = (q.get('triangle') || '').split(',').filter(Boolean);
    if (tri.length === 3) state.tri = tri;
  }
  function writeUrl() {
    var q = new URLSearchParams({ year: String(state.year), focus: state.focus, triangle: state.tri.join(',') });
    window.history.replaceState(null, '', '?' + q.toString());
  }

  // ---- Tables and CSV -------------------------------------------------------------------------
  function fillTable(id, columns, rows) {
    var table = $(id);
    table.textContent = '';
    var head = table.createTHead().insertRow();
    columns.forEach(function (c) {
      var th = document.createElement('th');
      th.scope = 'col';
      th.textContent = c;
      head.appendChild(th);
    });
    var body = table.createTBody();
    rows.forEach(function (r) {
      var tr = body.insertRow();
      columns.forEach(function (c) {
        var td = tr.insertCell();
        var v = r[c];
        if (typeof v === 'number') td.className = 'num';
        td.textContent = v === null || v === undefined ? '' : String(v);
      });
    });
    var link = document.querySelector('a.csv[data-table="' + id + '"]');
    if (link) {
      if (link.href.startsWith('blob:')) URL.revokeObjectURL(link.href);
      link.href = URL.createObjectURL(new Blob([toCsv(columns, rows)], { type: 'text/csv' }));
    }
  }
  function csvCell(v) {
    var s = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function toCsv(columns, rows) {
    return [columns.join(',')].concat(rows.map(function (r) {
      return columns.map(function (c) { return csvCell(r[c]); }).join(',');
    })).join('\n') + '\n';
  }

  function embed(id, spec) {
    return vegaEmbed('#' + id, spec, { actions: false, renderer: 'svg' });
  }

  // ---- Views ----------------------------------------------------------------------------------
  function drawMap(actors, relations) {
    var iso = {};
    actors.rows.forEach(function (a) { if (a.iso_numeric) iso[a.abbrev] = ('00' + a.iso_numeric).slice(-3); });
    var rows = [];
    relations.rows.forEach(function (r) {
      var other = r.abbrev1 === state.focus ? r.abbrev2 : r.abbrev2 === state.focus ? r.abbrev1 : null;
      if (other) rows.push({ state: other, relation: r.relation, weight: r.weight, iso: iso[other] || null });
    });
    rows.sort(function (x, y) { return RELATIONS.indexOf(x.relation) - RELATIONS.indexOf(y.relation) || x.state.localeCompare(y.state); });
    var focusLabel = 'focus (' + state.focus + ')';
    var colours = rows.filter(function (r) { return r.iso; }).map(function (r) { return { iso: r.iso, category: r.relation, abbrev: r.state }; });
    if (iso[state.focus]) colours.push({ iso: iso[state.focus], category: focusLabel, abbrev: state.focus });
    fillTable('map-table', ['state', 'relation', 'weight'], rows);
    $('map').dataset.states = String(rows.length);
    return embed('map', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 700, height: 340, projection: { type: 'equalEarth' },
      layer: [
        { data: { sphere: true }, mark: { type: 'geoshape', fill: '#f4f7fa', stroke: '#d9e2ec' } },
        {
          data: { values: world, format: { type: 'topojson', feature: 'countries' } },
          transform: [
            { lookup: 'id', from: { data: { values: colours }, key: 'iso', fields: ['category', 'abbrev'] } },
            { calculate: 'datum.category ? datum.category : "' + OUTSIDE + '"', as: 'category' }
          ],
          mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.4 },
          encoding: {
            color: { field: 'category', type: 'nominal',
                     scale: { domain: RELATIONS.concat([focusLabel, OUTSIDE]), range: RELATION_COLORS.concat([FOCUS_COLOR, '#e6e6e1']) },
                     legend: { title: 'relation to ' + state.focus + ' in ' + state.year, orient: 'bottom', columns: 4 } },
            tooltip: [{ field: 'properties.name', title: 'country' }, { field: 'category', title: 'relation' }]
          }
        }
      ]
    });
  }

  function drawNetwork(relations) {
    var index = {};
    var nodes = [];
    var links = [];
    relations.rows.forEach(function (r) {
      if (Math.abs(r.weight) < MIN_WEIGHT) return;
      [r.abbrev1, r.abbrev2].forEach(function (s) {
        if (!(s in index)) { index[s] = nodes.length; nodes.push({ abbrev: s }); }
      });
      links.push({ source: index[r.abbrev1], target: index[r.abbrev2], a: r.abbrev1, b: r.abbrev2,
                   sign: r.weight > 0 ? '+' : '-', relation: r.relation, weight: r.weight });
    });
    fillTable('network-table', ['a', 'b', 'sign', 'relation', 'weight'], links);
    $('network').dataset.edges = String(links.length);
    return embed('network', {
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: 700, height: 480, autosize: 'none',
      data: [{ name: 'nodes', values: nodes }, { name: 'links', values: links }],
      scales: [{ name: 'sign', type: 'ordinal', domain: ['+', '-'], range: ['#1a7f37', '#b2182b'] }],
      marks: [
        { type: 'symbol', name: 'node', zindex: 1, from: { data: 'nodes' },
          encode: { enter: { fill: { value: FOCUS_COLOR }, size: { value: 50 }, tooltip: { field: 'abbrev' } } },
          transform: [{ type: 'force', iterations: 200, static: true,
                        forces: [{ force: 'center', x: 350, y: 240 }, { force: 'collide', radius: 10 },
                                 { force: 'nbody', strength: -90 }, { force: 'link', links: 'links', distance: 70 }] }] },
        { type: 'path', from: { data: 'links' }, interactive: false,
          encode: { update: { stroke: { scale: 'sign', field: 'sign' }, strokeWidth: { value: 0.7 }, strokeOpacity: { value: 0.55 } } },
          transform: [{ type: 'linkpath', shape: 'line', sourceX: 'datum.source.x', sourceY: 'datum.source.y',
                        targetX: 'datum.target.x', targetY: 'datum.target.y' }] },
        { type: 'text', from: { data: 'node' }, interactive: false,
          encode: { update: { text: { field: 'datum.abbrev' }, x: { field: 'x' }, y: { field: 'y' }, dx: { value: 5 },
                              fontSize: { value: 8 }, fill: { value: '#1b1f24' } } } }
      ],
      legends: [{ stroke: 'sign', title: 'tie', orient: 'top-left' }]
    });
  }

  function drawTriangle(t) {
    var names = t.actors.map(function (a) { return a.abbrev; });
    var pairs = [names[0] + '-' + names[1], names[0] + '-' + names[2], names[1] + '-' + names[2]];
    var rows = t.rows.map(function (r) {
      var row = { year: r.year, type: r.type };
      names.forEach(function (n) { row[n] = r.roles[n].role; });
      pairs.forEach(function (p) { row[p] = r.ties[p].relation + ' ' + r.ties[p].weight.toFixed(2); });
      return row;
    });
    fillTable('triangle-table', ['year', 'type'].concat(names, pairs), rows);
    var ties = [];
    t.rows.forEach(function (r) { pairs.forEach(function (p) { ties.push({ year: r.year, pair: p, weight: r.ties[p].weight, type: r.type }); }); });
    return embed('triangle', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 700, height: 220,
      vconcat: [
        { width: 700, height: 30, data: { values: t.rows }, mark: 'rect',
          encoding: { x: { field: 'year', type: 'ordinal', axis: null }, color: { field: 'type', type: 'nominal', title: 'triangle type' },
                      tooltip: [{ field: 'year' }, { field: 'type' }] } },
        { width: 700, height: 180, data: { values: ties }, mark: { type: 'line', point: true },
          encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'weight', type: 'quantitative', scale: { domain: [-1, 1] } },
                      color: { field: 'pair', type: 'nominal' }, tooltip: [{ field: 'year' }, { field: 'pair' }, { field: 'weight' }] } }
      ]
    });
  }

  function drawBalancers(b) {
    var rows = b.rows.map(function (r) {
      return { rank: r.rank, state: r.abbrev, weighted_index: r.weighted_index, pivot: r.pivot, flexibility: r.flexibility };
    });
    fillTable('balancer-table', ['rank', 'state', 'weighted_index', 'pivot', 'flexibility'], rows);
    return embed('balancer', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 600, data: { values: rows }, mark: 'bar',
      encoding: { y: { field: 'state', type: 'nominal', sort: '-x' }, x: { field: 'weighted_index', type: 'quantitative' },
                  tooltip: [{ field: 'state' }, { field: 'weighted_index' }, { field: 'pivot' }] }
    });
  }

  // ---- Updates --------------------------------------------------------------------------------
  function busy(promise, year) {
    pending += 1;
    document.body.dataset.ready = 'false';
    return promise.then(function () { showError(''); }, function (e) { showError(e.message); })
      .then(function () {
        pending -= 1;
        if (pending === 0) { document.body.dataset.year = String(year); document.body.dataset.ready = 'true'; }
      });
  }

  function fillFocus(actors) {
    var select = $('focus');
    select.textContent = '';
    var names = actors.rows.map(function (a) { return a; }).sort(function (x, y) { return x.name.localeCompare(y.name); });
    if (!names.some(function (a) { return a.abbrev === state.focus; }) && names.length) state.focus = names[0].abbrev;
    names.forEach(function (a) {
      var o = document.createElement('option');
      o.value = a.abbrev;
      o.textContent = a.name + ' (' + a.abbrev + ')';
      if (a.abbrev === state.focus) o.selected = true;
      select.appendChild(o);
    });
  }

  function updateYear() {
    var year = state.year;
    $('year').value = String(year);
    $('year-value').textContent = String(year);
    writeUrl();
    return busy(Promise.all([api('/api/actors?year=' + year), api('/api/relations?year=' + year),
                             api('/api/balancer?year=' + year + '&top=20')])
      .then(function (res) {
        if (year !== state.year) return null;  // a later year was asked for meanwhile
        fillFocus(res[0]);
        return Promise.all([drawMap(res[0], res[1]), drawNetwork(res[1]), drawBalancers(res[2])]);
      }), year);
  }

  function updateTriangle() {
    writeUrl();
    var q = new URLSearchParams({ a: state.tri[0], b: state.tri[1], c: state.tri[2], from: '1946', to: '2012' });
    return busy(api('/api/triangle?' + q.toString()).then(drawTriangle), state.year);
  }

  function start() {
    readUrl();
    $('tri-a').value = state.tri[0];
    $('tri-b').value = state.tri[1];
    $('tri-c').value = state.tri[2];
    var timer = null;
    $('year').addEventListener('input', function (e) {
      state.year = Number(e.target.value);
      $('year-value').textContent = String(state.year);
      clearTimeout(timer);
      timer = setTimeout(updateYear, 150);  // dragging asks for the year it stops on
    });
    $('focus').addEventListener('change', function (e) { state.focus = e.target.value; updateYear(); });
    $('triangle-form').addEventListener('submit', function (e) {
      e.preventDefault();
      state.tri = [$('tri-a').value.trim(), $('tri-b').value.trim(), $('tri-c').value.trim()];
      updateTriangle();
    });
    api('/api/info').then(function (info) { $('source').textContent = 'Data: ' + info.source; }, function () {});
    fetch('vendor/countries-110m.json').then(function (r) { return r.json(); }).then(function (w) {
      world = w;
      updateYear();
      updateTriangle();
    }, function (e) { showError('the world map did not load: ' + e.message); });
  }

  start();
}());
