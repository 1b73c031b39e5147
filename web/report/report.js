/* The page of `entente report`.
 *
 * Reads window.ENTENTE_REPORT (data.js; the format is docs/report.md) and window.ENTENTE_WORLD
 * (assets/world.js, world-atlas countries-110m TopoJSON), builds a Vega-Lite spec for every chart
 * and draws it with vegaEmbed as SVG. Plain script, no modules and no fetch, so that the page works
 * from file://.
 *
 * When every chart is drawn, <body data-rendered="true">; when anything fails, the message is shown
 * at the top of the page and <body data-rendered="error">. The browser test
 * (web/test/report-test.mjs) waits for that attribute.
 */
(function () {
  'use strict';

  // ---- Vocabulary and colours (one scale for the six relations, everywhere) -------------------

  // Shared with the web app (web/shared/palette.js). Diverging: friendly blue, neutral grey,
  // hostile red.
  var RELATIONS = window.ENTENTE_PALETTE.relations;
  var RELATION_COLORS = window.ENTENTE_PALETTE.relationColors;
  var FOCUS_COLOR = window.ENTENTE_PALETTE.focusColor;
  var OUTSIDE_COLOR = '#e6e6e1';
  var OUTSIDE_LABEL = 'not in the data';

  var TYPE_ORDER = ['menage_a_trois', 'romantic_triangle', 'stable_marriage', 'unit_veto'];
  var TYPE_LABELS = {
    menage_a_trois: 'ménage à trois',
    romantic_triangle: 'romantic triangle',
    stable_marriage: 'stable marriage',
    unit_veto: 'unit veto'
  };
  var ROLE_ORDER = ['pivot', 'friend', 'partner', 'wing', 'foe', 'outcast'];
  var ROLE_COLORS = ['#1b7837', '#5aae61', '#a6dba0', '#d9c2de', '#9970ab', '#762a83'];

  // Two camps (blocs, and the sides of a landscape minimum).
  var CAMP_COLORS = ['#2f7f8f', '#c98a2b'];
  var NONE_COLOR = '#e4e7eb';
  var INK = '#243b53';
  var MUTED = '#829ab1';

  var FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

  var VEGA_CONFIG = {
    font: FONT,
    background: '#ffffff',
    view: { stroke: null },
    axis: {
      labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600,
      labelColor: '#334e68', titleColor: '#243b53',
      gridColor: '#e6ebf0', domainColor: '#9fb3c8', tickColor: '#9fb3c8'
    },
    legend: { labelFontSize: 11, titleFontSize: 12, titleFontWeight: 600, labelColor: '#334e68', titleColor: '#243b53' },
    header: { labelFontSize: 11, titleFontSize: 12, labelColor: '#243b53' },
    title: { fontSize: 13, anchor: 'start', color: '#243b53' }
  };

  // ---- Small helpers ---------------------------------------------------------------------------

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    if (attrs) {
      Object.keys(attrs).forEach(function (k) {
        var v = attrs[k];
        if (v === null || v === undefined || v === false) return;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.indexOf('data-') === 0) node.setAttribute(k, v);
        else if (k in node && k !== 'list') node[k] = v;
        else node.setAttribute(k, v);
      });
    }
    (children || []).forEach(function (c) {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    });
    return node;
  }

  function isNum(v) { return typeof v === 'number' && isFinite(v); }

  function formatNumber(v) {
    if (!isNum(v)) return String(v);
    if (Number.isInteger(v)) return String(v);
    var a = Math.abs(v);
    if (a >= 0.001) return String(Number(v.toFixed(4)));
    return String(Number(v.toPrecision(3)));
  }

  function formatCell(v) {
    if (v === null || v === undefined) return '—';
    if (typeof v === 'boolean') return v ? 'yes' : 'no';
    if (typeof v === 'number') return formatNumber(v);
    if (typeof v === 'object') return JSON.stringify(v);
    return String(v);
  }

  function typeLabel(t) { return TYPE_LABELS[t] || String(t); }

  function requireArray(section, key) {
    var v = section[key];
    if (!Array.isArray(v) || v.length === 0) {
      throw new Error('section "' + section.id + '": "' + key + '" is missing or empty, nothing to draw');
    }
    return v;
  }

  // Years drawn as bands centred on the year (x = year - 0.5 to year + 0.5), so that the axis
  // ticks, at whole years, label the middle of each band.
  function extent(values) {
    var lo = Infinity;
    var hi = -Infinity;
    values.forEach(function (v) { if (isNum(v)) { if (v < lo) lo = v; if (v > hi) hi = v; } });
    if (lo > hi) throw new Error('no years to draw');
    return [lo, hi];
  }

  function yearBandAxis(years) {
    var e = extent(years);
    var lo = e[0];
    var hi = e[1];
    return {
      field: 'year_start', type: 'quantitative', title: null,
      scale: { domain: [lo - 0.5, hi + 0.5], nice: false, zero: false },
      axis: { title: null, format: 'd', tickMinStep: 1, grid: false, labelOverlap: true }
    };
  }

  function withBand(row) {
    row.year_start = row.year - 0.5;
    row.year_end = row.year + 0.5;
    return row;
  }

  // Years as points (line charts), with a little room at both ends.
  function yearPointAxis(years) {
    var e = extent(years);
    var lo = e[0];
    var hi = e[1];
    var pad = Math.max(0.35, (hi - lo) * 0.02);
    return {
      field: 'year', type: 'quantitative',
      scale: { domain: [lo - pad, hi + pad], nice: false, zero: false },
      axis: { title: null, format: 'd', tickMinStep: 1, labelOverlap: true }
    };
  }

  function relationScale(extraDomain, extraRange) {
    return {
      domain: RELATIONS.concat(extraDomain || []),
      range: RELATION_COLORS.concat(extraRange || [])
    };
  }

  function pad3(n) {
    var s = String(n);
    while (s.length < 3) s = '0' + s;
    return s;
  }

  function worldIds(world) {
    var ids = {};
    try {
      world.objects.countries.geometries.forEach(function (g) { if (g.id !== undefined) ids[String(g.id)] = true; });
    } catch (e) { /* checked where the map is built */ }
    return ids;
  }

  // ---- Chart specs, by section ------------------------------------------------------------------
  // Each builder returns {spec, note}; it throws when the data it needs is absent.

  function mapChart(section, report) {
    var states = requireArray(section, 'states');
    var world = window.ENTENTE_WORLD;
    if (!world || !world.objects || !world.objects.countries) {
      throw new Error('the world map did not load (assets/world.js must define window.ENTENTE_WORLD)');
    }
    var focus = (report.focus && report.focus.abbrev) || null;
    var focusLabel = 'focus (' + ((report.focus && report.focus.name) || focus || '?') + ')';
    var ids = worldIds(world);
    var rows = [];
    var drawn = 0;
    states.forEach(function (s) {
      if (s.iso_numeric === null || s.iso_numeric === undefined) return;
      var iso = pad3(s.iso_numeric);
      var category = s.abbrev === focus ? focusLabel : (RELATIONS.indexOf(s.relation_to_focus) >= 0 ? s.relation_to_focus : null);
      if (!category) return;
      if (ids[iso]) drawn += 1;
      rows.push({ iso: iso, abbrev: s.abbrev, state: s.name, category: category });
    });
    var spec = {
      width: 640,
      height: 320,
      projection: { type: 'equalEarth' },
      layer: [
        {
          data: { sphere: true },
          mark: { type: 'geoshape', fill: '#f4f7fa', stroke: '#d9e2ec', strokeWidth: 0.6 }
        },
        {
          data: { values: world, format: { type: 'topojson', feature: 'countries' } },
          transform: [
            { lookup: 'id', from: { data: { values: rows }, key: 'iso', fields: ['abbrev', 'state', 'category'] } },
            { calculate: 'datum.category ? datum.category : "' + OUTSIDE_LABEL + '"', as: 'category' },
            { calculate: 'datum.state ? datum.state : datum.properties.name', as: 'label' }
          ],
          mark: { type: 'geoshape', stroke: '#ffffff', strokeWidth: 0.4 },
          encoding: {
            color: {
              field: 'category', type: 'nominal',
              scale: relationScale([focusLabel, OUTSIDE_LABEL], [FOCUS_COLOR, OUTSIDE_COLOR]),
              legend: { title: 'relation to ' + ((report.focus && report.focus.name) || focus), orient: 'bottom', direction: 'horizontal', columns: 4 }
            },
            tooltip: [
              { field: 'label', type: 'nominal', title: 'country' },
              { field: 'category', type: 'nominal', title: 'relation' }
            ]
          }
        }
      ]
    };
    var missing = states.length - drawn;
    var note = missing > 0
      ? missing + ' of ' + states.length + ' states are not drawn (no ISO code, or too small for this map); they are in the table.'
      : null;
    return { spec: spec, note: note };
  }

  function stateOrder(states, focus) {
    var key = function (s) {
      if (s.abbrev === focus) return -1;
      var i = RELATIONS.indexOf(s.relation_to_focus);
      return i >= 0 ? i : RELATIONS.length;
    };
    var sorted = states.slice().sort(function (x, y) {
      var fx = key(x);
      var fy = key(y);
      if (fx !== fy) return fx - fy;
      var cx = isNum(x.cinc) ? x.cinc : -1;
      var cy = isNum(y.cinc) ? y.cinc : -1;
      if (cx !== cy) return cy - cx;
      return String(x.abbrev).localeCompare(String(y.abbrev));
    });
    return sorted.map(function (s) { return s.abbrev; });
  }

  function matrixChart(section, report) {
    var dyads = requireArray(section, 'dyads');
    var states = Array.isArray(section.states) ? section.states : [];
    var focus = (report.focus && report.focus.abbrev) || null;
    var names = {};
    states.forEach(function (s) { names[s.abbrev] = s.name; });
    var order = stateOrder(states, focus);
    var seen = {};
    order.forEach(function (a) { seen[a] = true; });
    var values = [];
    dyads.forEach(function (d) {
      [[d.a, d.b], [d.b, d.a]].forEach(function (p) {
        values.push({ row: p[0], col: p[1], row_name: names[p[0]] || p[0], col_name: names[p[1]] || p[1], relation: d.relation, weight: d.weight });
        if (!seen[p[0]]) { seen[p[0]] = true; order.push(p[0]); }
      });
    });
    var n = order.length;
    var cell = Math.max(3, Math.min(22, Math.floor(560 / Math.max(1, n))));
    var labels = cell >= 9;
    var spec = {
      data: { values: values },
      width: { step: cell },
      height: { step: cell },
      mark: { type: 'rect', stroke: '#ffffff', strokeWidth: cell >= 9 ? 1 : 0 },
      encoding: {
        x: { field: 'col', type: 'nominal', sort: order, scale: { domain: order }, axis: { title: null, orient: 'top', labelAngle: -90, labels: labels, ticks: false, domain: false } },
        y: { field: 'row', type: 'nominal', sort: order, scale: { domain: order }, axis: { title: null, labels: labels, ticks: false, domain: false } },
        color: { field: 'relation', type: 'nominal', scale: relationScale(), legend: { title: 'relation' } },
        tooltip: [
          { field: 'row_name', type: 'nominal', title: 'state' },
          { field: 'col_name', type: 'nominal', title: 'and' },
          { field: 'relation', type: 'nominal', title: 'relation' },
          { field: 'weight', type: 'quantitative', title: 'weight' }
        ]
      }
    };
    return { spec: spec, note: 'Ordered by relation to ' + ((report.focus && report.focus.name) || focus) + ' (friends first), then by capabilities.' };
  }

  function triangleTypesChart(section) {
    var years = requireArray(section, 'years');
    var actors = Array.isArray(section.actors) ? section.actors : [];
    var typeRows = years.map(function (y) {
      return withBand({
        year: y.year, type: typeLabel(y.type),
        roles: actors.map(function (a) { return a + ' ' + ((y.roles && y.roles[a]) || '—'); }).join(', ')
      });
    });
    var roleRows = [];
    years.forEach(function (y) {
      actors.forEach(function (a) {
        var r = y.roles && y.roles[a];
        if (r) roleRows.push(withBand({ year: y.year, actor: a, role: r, type: typeLabel(y.type) }));
      });
    });
    var xEnc = yearBandAxis(years.map(function (y) { return y.year; }));
    var typeView = {
      data: { values: typeRows },
      width: 540,
      height: { step: 22 },
      mark: { type: 'rect', color: INK, cornerRadius: 1 },
      encoding: {
        x: xEnc,
        x2: { field: 'year_end' },
        y: {
          field: 'type', type: 'nominal',
          scale: { domain: TYPE_ORDER.map(typeLabel) },
          axis: { title: 'type', titleAngle: 0, titleAlign: 'right', titleY: -6, titleX: -4 }
        },
        tooltip: [
          { field: 'year', type: 'quantitative', format: 'd', title: 'year' },
          { field: 'type', type: 'nominal', title: 'type' },
          { field: 'roles', type: 'nominal', title: 'roles' }
        ]
      }
    };
    var views = [typeView];
    if (roleRows.length > 0) {
      views.push({
        data: { values: roleRows },
        width: 540,
        height: { step: 22 },
        mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 0.5 },
        encoding: {
          x: xEnc,
          x2: { field: 'year_end' },
          y: { field: 'actor', type: 'nominal', sort: actors, axis: { title: 'role', titleAngle: 0, titleAlign: 'right', titleY: -6, titleX: -4 } },
          color: { field: 'role', type: 'nominal', scale: { domain: ROLE_ORDER, range: ROLE_COLORS }, legend: { title: 'role', orient: 'bottom', direction: 'horizontal' } },
          tooltip: [
            { field: 'year', type: 'quantitative', format: 'd', title: 'year' },
            { field: 'actor', type: 'nominal', title: 'actor' },
            { field: 'role', type: 'nominal', title: 'role' },
            { field: 'type', type: 'nominal', title: 'triangle' }
          ]
        }
      });
    }
    return { spec: { vconcat: views, spacing: 14, resolve: { scale: { x: 'shared' } } }, note: null };
  }

  function triangleTiesChart(section) {
    var years = requireArray(section, 'years');
    var values = [];
    var pairs = [];
    years.forEach(function (y) {
      (y.ties || []).forEach(function (t) {
        if (pairs.indexOf(t.pair) < 0) pairs.push(t.pair);
        values.push({ year: y.year, pair: t.pair, relation: t.relation, weight: t.weight });
      });
    });
    if (values.length === 0) throw new Error('section "triangle": no ties in "years"');
    var x = yearPointAxis(years.map(function (y) { return y.year; }));
    var yAxis = { title: 'weight', values: [-1, -0.5, 0, 0.5, 1], format: '~g' };
    var y = { field: 'weight', type: 'quantitative', scale: { domain: [-1, 1] }, axis: yAxis };
    var spec = {
      data: { values: values },
      facet: {
        row: { field: 'pair', type: 'nominal', sort: pairs, header: { title: null, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 600, labelFontSize: 12 } }
      },
      spacing: 10,
      spec: {
        width: 540,
        height: 80,
        layer: [
          { mark: { type: 'rule', color: '#9fb3c8', strokeDash: [3, 3] }, encoding: { y: { datum: 0, type: 'quantitative', scale: { domain: [-1, 1] }, axis: yAxis } } },
          { mark: { type: 'line', color: MUTED, interpolate: 'step-after', strokeWidth: 1.5 }, encoding: { x: x, y: y } },
          {
            mark: { type: 'point', filled: true, size: 48, opacity: 1 },
            encoding: {
              x: x, y: y,
              color: { field: 'relation', type: 'nominal', scale: relationScale(), legend: { title: 'relation' } },
              tooltip: [
                { field: 'pair', type: 'nominal', title: 'pair' },
                { field: 'year', type: 'quantitative', format: 'd', title: 'year' },
                { field: 'relation', type: 'nominal', title: 'relation' },
                { field: 'weight', type: 'quantitative', title: 'weight' }
              ]
            }
          }
        ]
      }
    };
    return { spec: spec, note: 'Above the dashed line a tie is amity, below it enmity.' };
  }

  var BALANCERS_SHOWN = 20;

  function balancersChart(section, report) {
    var rows = requireArray(section, 'rows').slice().sort(function (a, b) { return a.rank - b.rank; });
    var focus = section.focus || (report.focus && report.focus.abbrev) || null;
    var shown = rows.slice(0, BALANCERS_SHOWN);
    var focusRow = null;
    rows.forEach(function (r) { if (r.abbrev === focus) focusRow = r; });
    if (focusRow && shown.indexOf(focusRow) < 0) shown.push(focusRow);
    var values = shown.map(function (r) {
      return {
        rank: r.rank, abbrev: r.abbrev, name: r.name, label: r.rank + '. ' + (r.name || r.abbrev),
        weighted_pivot: isNum(r.weighted_pivot) ? r.weighted_pivot : 0,
        pivot: r.pivot, flexibility: r.flexibility, cinc: r.cinc,
        who: r.abbrev === focus ? 'focus' : 'other'
      };
    });
    var spec = {
      data: { values: values },
      width: 520,
      height: { step: 20 },
      mark: { type: 'bar', cornerRadiusEnd: 2 },
      encoding: {
        y: { field: 'label', type: 'nominal', sort: values.map(function (v) { return v.label; }), axis: { title: null, labelLimit: 220 } },
        x: { field: 'weighted_pivot', type: 'quantitative', axis: { title: 'weighted pivot index', format: '~g', tickCount: 5 } },
        color: { field: 'who', type: 'nominal', scale: { domain: ['focus', 'other'], range: ['#c2410c', '#8ea9c4'] }, legend: null },
        tooltip: [
          { field: 'rank', type: 'quantitative', title: 'rank' },
          { field: 'name', type: 'nominal', title: 'state' },
          { field: 'weighted_pivot', type: 'quantitative', format: '.3~g', title: 'weighted index' },
          { field: 'pivot', type: 'quantitative', title: 'pivot triangles' },
          { field: 'flexibility', type: 'quantitative', format: '.0%', title: 'flexibility' },
          { field: 'cinc', type: 'quantitative', format: '.4f', title: 'CINC' }
        ]
      }
    };
    var notes = [];
    if (focusRow) notes.push((focusRow.name || focus) + ' is highlighted.');
    else if (focus) notes.push(focus + ' is not among the ranked states.');
    if (rows.length > BALANCERS_SHOWN) notes.push('The first ' + BALANCERS_SHOWN + ' of ' + rows.length + ' states are shown; all are in the table.');
    return { spec: spec, note: notes.join(' ') || null };
  }

  function frustrationChart(section) {
    var years = requireArray(section, 'years');
    var values = years.map(function (y) {
      return {
        year: y.year, frustration: y.frustration,
        lower_bound: isNum(y.lower_bound) ? y.lower_bound : y.frustration,
        status: y.optimal === false ? 'best found (not proven)' : 'proven optimal',
        edges: y.edges, negative_edges: y.negative_edges, normalised: y.normalised
      };
    });
    var x = yearPointAxis(values.map(function (v) { return v.year; }));
    var yTitle = 'frustration (ties out of place)';
    var spec = {
      data: { values: values },
      width: 580,
      height: 200,
      layer: [
        {
          mark: { type: 'line', color: MUTED, strokeDash: [4, 3], strokeWidth: 1 },
          encoding: { x: x, y: { field: 'lower_bound', type: 'quantitative', title: yTitle } }
        },
        {
          mark: { type: 'line', color: INK, strokeWidth: 2 },
          encoding: { x: x, y: { field: 'frustration', type: 'quantitative', title: yTitle, axis: { tickMinStep: 1 }, scale: { zero: true } } }
        },
        {
          mark: { type: 'point', filled: true, size: 50, opacity: 1 },
          encoding: {
            x: x,
            y: { field: 'frustration', type: 'quantitative', title: yTitle },
            color: { field: 'status', type: 'nominal', scale: { domain: ['proven optimal', 'best found (not proven)'], range: [INK, '#c2410c'] }, legend: { title: null, orient: 'top' } },
            tooltip: [
              { field: 'year', type: 'quantitative', format: 'd', title: 'year' },
              { field: 'frustration', type: 'quantitative', title: 'frustration' },
              { field: 'lower_bound', type: 'quantitative', title: 'lower bound' },
              { field: 'status', type: 'nominal', title: 'status' },
              { field: 'edges', type: 'quantitative', title: 'edges' },
              { field: 'negative_edges', type: 'quantitative', title: 'negative edges' },
              { field: 'normalised', type: 'quantitative', format: '.3f', title: 'normalised' }
            ]
          }
        }
      ]
    };
    return { spec: spec, note: 'The fewest ties that would have to change sign for the system to split cleanly into two camps; the dashed line is the proven lower bound.' };
  }

  function membershipChart(section, report) {
    var membership = requireArray(section, 'membership');
    var switches = Array.isArray(section.switches) ? section.switches : [];
    var names = {};
    (report.sections || []).forEach(function (s) {
      if (s && s.id === 'relations' && Array.isArray(s.states)) s.states.forEach(function (st) { names[st.abbrev] = st.name; });
    });
    var switched = {};
    switches.forEach(function (s) { switched[s.year + ' ' + s.node] = s; });
    var blocLabel = function (b) { return b === 1 ? 'bloc 1' : (b === 2 ? 'bloc 2' : 'no bloc'); };
    var values = membership.map(function (m) {
      var sw = switched[m.year + ' ' + m.node];
      return withBand({
        year: m.year, node: m.node, name: names[m.node] || m.node,
        bloc: blocLabel(m.bloc), switched: sw ? 1 : 0,
        change: sw ? ('moved from ' + blocLabel(sw.from) + ' to ' + blocLabel(sw.to)) : ''
      });
    });
    // Switches last, so that their outline is drawn over the neighbouring cells.
    values.sort(function (a, b) { return a.switched - b.switched; });
    // States ordered by their bloc in the last year they appear, then by name.
    var last = {};
    membership.forEach(function (m) {
      if (!last[m.node] || last[m.node].year <= m.year) last[m.node] = m;
    });
    var rank = function (b) { return b === 1 ? 0 : (b === 2 ? 1 : 2); };
    var order = Object.keys(last).sort(function (a, b) {
      var d = rank(last[a].bloc) - rank(last[b].bloc);
      return d !== 0 ? d : a.localeCompare(b);
    });
    var cell = order.length > 60 ? 6 : (order.length > 30 ? 10 : 16);
    var spec = {
      data: { values: values },
      width: 580,
      height: { step: cell },
      mark: { type: 'rect' },
      encoding: {
        x: yearBandAxis(membership.map(function (m) { return m.year; })),
        x2: { field: 'year_end' },
        y: { field: 'node', type: 'nominal', sort: order, scale: { domain: order }, axis: { title: null, labels: cell >= 10 } },
        color: { field: 'bloc', type: 'nominal', scale: { domain: ['bloc 1', 'bloc 2', 'no bloc'], range: CAMP_COLORS.concat([NONE_COLOR]) }, legend: { title: null, orient: 'top' } },
        stroke: { condition: { test: 'datum.switched', value: '#102a43' }, value: '#ffffff' },
        strokeWidth: { condition: { test: 'datum.switched', value: 2 }, value: cell >= 10 ? 0.5 : 0 },
        tooltip: [
          { field: 'year', type: 'quantitative', format: 'd', title: 'year' },
          { field: 'name', type: 'nominal', title: 'state' },
          { field: 'bloc', type: 'nominal', title: 'bloc' },
          { field: 'change', type: 'nominal', title: 'change' }
        ]
      }
    };
    var note = switches.length > 0
      ? 'Outlined: the year a state moved to the other bloc (' + switches.length + (switches.length === 1 ? ' switch).' : ' switches).')
      : 'No state moved between blocs.';
    return { spec: spec, note: note };
  }

  function basinsChart(section) {
    var minima = requireArray(section, 'minima').slice().sort(function (a, b) { return a.rank - b.rank; });
    var values = minima.map(function (m) {
      return { rank: m.rank, label: 'minimum ' + m.rank, energy: m.energy, basin_share: m.basin_share };
    });
    var order = values.map(function (v) { return v.label; });
    var x = { field: 'label', type: 'nominal', sort: order, axis: { title: null, labelAngle: 0 } };
    var spec = {
      data: { values: values },
      width: { step: Math.max(50, Math.min(110, Math.floor(560 / values.length))) },
      height: 200,
      layer: [
        {
          mark: { type: 'bar', color: INK, cornerRadiusEnd: 2 },
          encoding: {
            x: x,
            y: { field: 'basin_share', type: 'quantitative', scale: { domain: [0, 1] }, axis: { title: 'basin share', format: '.0%' } },
            tooltip: [
              { field: 'label', type: 'nominal', title: 'minimum' },
              { field: 'basin_share', type: 'quantitative', format: '.1%', title: 'basin share' },
              { field: 'energy', type: 'quantitative', format: '.4~g', title: 'energy' }
            ]
          }
        },
        {
          mark: { type: 'text', dy: -7, color: INK, fontSize: 11 },
          encoding: {
            x: x,
            y: { field: 'basin_share', type: 'quantitative' },
            text: { field: 'basin_share', type: 'quantitative', format: '.0%' }
          }
        }
      ]
    };
    return { spec: spec, note: 'The share of starting configurations that settle into each stable alignment (lowest energy first).' };
  }

  function sidesChart(section) {
    var minima = requireArray(section, 'minima').slice().sort(function (a, b) { return a.rank - b.rank; });
    var actors = requireArray(section, 'actors').slice().sort(function (a, b) {
      var sa = isNum(a.size) ? a.size : -1;
      var sb = isNum(b.size) ? b.size : -1;
      return sb - sa;
    });
    var values = [];
    minima.forEach(function (m) {
      actors.forEach(function (a) {
        var side = m.sides ? m.sides[a.abbrev] : undefined;
        values.push({
          rank: m.rank, label: 'minimum ' + m.rank, abbrev: a.abbrev, name: a.name || a.abbrev, size: a.size,
          side: side === 0 ? 'side 0' : (side === 1 ? 'side 1' : 'not given'),
          basin_share: m.basin_share
        });
      });
    });
    var order = minima.map(function (m) { return 'minimum ' + m.rank; });
    var actorOrder = actors.map(function (a) { return a.name || a.abbrev; });
    var spec = {
      data: { values: values },
      width: { step: Math.max(44, Math.min(90, Math.floor(480 / minima.length))) },
      height: { step: actors.length > 40 ? 10 : 22 },
      mark: { type: 'rect', stroke: '#ffffff', strokeWidth: 1 },
      encoding: {
        x: { field: 'label', type: 'nominal', sort: order, axis: { title: null, orient: 'top', labelAngle: 0 } },
        y: { field: 'name', type: 'nominal', sort: actorOrder, axis: { title: null, labelLimit: 200 } },
        color: { field: 'side', type: 'nominal', scale: { domain: ['side 0', 'side 1', 'not given'], range: CAMP_COLORS.concat([NONE_COLOR]) }, legend: { title: null, orient: 'bottom' } },
        tooltip: [
          { field: 'label', type: 'nominal', title: 'minimum' },
          { field: 'name', type: 'nominal', title: 'actor' },
          { field: 'side', type: 'nominal', title: 'side' },
          { field: 'size', type: 'quantitative', format: '.4~g', title: 'size' },
          { field: 'basin_share', type: 'quantitative', format: '.1%', title: 'basin share' }
        ]
      }
    };
    return { spec: spec, note: 'Actors from the largest down; within a minimum, states of the same colour are on the same side.' };
  }

  function measuresChart(section) {
    var measures = requireArray(section, 'measures');
    var values = measures.map(function (m) {
      return { measure: String(m.measure), before: m.before, after: m.after, change: isNum(m.before) && isNum(m.after) ? m.after - m.before : null };
    });
    var order = values.map(function (v) { return v.measure; });
    var spec = {
      data: { values: values },
      facet: {
        row: { field: 'measure', type: 'nominal', sort: order, header: { title: null, labelAngle: 0, labelAlign: 'left', labelAnchor: 'start', labelOrient: 'top', labelFontWeight: 600, labelFontSize: 12 } }
      },
      spacing: 12,
      spec: {
        width: 560,
        height: 26,
        layer: [
          {
            mark: { type: 'rule', color: '#bcccdc', strokeWidth: 3 },
            encoding: {
              x: { field: 'before', type: 'quantitative', scale: { zero: false, nice: true, padding: 14 }, axis: { title: null, tickCount: 4, format: '~g' } },
              x2: { field: 'after' }
            }
          },
          {
            transform: [{ fold: ['before', 'after'], as: ['when', 'value'] }],
            mark: { type: 'point', filled: true, size: 110, opacity: 1 },
            encoding: {
              x: { field: 'value', type: 'quantitative', axis: { title: null } },
              color: { field: 'when', type: 'nominal', scale: { domain: ['before', 'after'], range: ['#9fb3c8', '#c2410c'] }, legend: { title: null, orient: 'top' } },
              tooltip: [
                { field: 'measure', type: 'nominal', title: 'measure' },
                { field: 'before', type: 'quantitative', format: '.4~g', title: 'before' },
                { field: 'after', type: 'quantitative', format: '.4~g', title: 'after' },
                { field: 'change', type: 'quantitative', format: '+.4~g', title: 'change' }
              ]
            }
          }
        ]
      },
      resolve: { scale: { x: 'independent' }, axis: { x: 'independent' } }
    };
    return { spec: spec, note: 'Each measure on its own scale: grey before the shocks, orange after.' };
  }

  // A bargaining issue's rounds: the median voter and the weighted mean of the positions each round
  // starts from, as two lines (points too when there are few rounds).
  function bargainingRoundsChart(section) {
    var rows = requireArray(section, 'rows');
    var values = [];
    rows.forEach(function (r) {
      values.push({ round: r.round, measure: 'median voter', value: r.median, moved: r.moved });
      values.push({ round: r.round, measure: 'weighted mean', value: r.mean, moved: r.moved });
    });
    var last = rows[rows.length - 1].round;
    var spec = {
      data: { values: values },
      width: 560,
      height: 220,
      mark: { type: 'line', strokeWidth: 2, point: rows.length <= 60 },
      encoding: {
        x: { field: 'round', type: 'quantitative', scale: { domain: [1, Math.max(2, last)], nice: false }, axis: { title: 'round', format: 'd', tickMinStep: 1 } },
        y: { field: 'value', type: 'quantitative', scale: { zero: false }, axis: { title: 'position on the issue' } },
        color: { field: 'measure', type: 'nominal', scale: { domain: ['median voter', 'weighted mean'], range: [INK, '#c2410c'] }, legend: { title: null, orient: 'top' } },
        tooltip: [
          { field: 'round', type: 'quantitative', title: 'round' },
          { field: 'measure', type: 'nominal', title: 'measure' },
          { field: 'value', type: 'quantitative', format: '.4~g', title: 'position' },
          { field: 'moved', type: 'quantitative', title: 'actors moved' }
        ]
      }
    };
    var f = section.forecast || {};
    var note = 'Of the positions each round starts from.' +
      (isNum(f.median) ? ' Forecast: median voter ' + formatNumber(f.median) + ', weighted mean ' + formatNumber(f.mean) + '.' : '') +
      (section.variant && section.variant.name ? ' Variant: ' + section.variant.name + '.' : '');
    return { spec: spec, note: note };
  }

  var SECTION_CHARTS = {
    relations: [
      { name: 'relations-map', title: 'Relations to the focus, on the map', build: mapChart },
      { name: 'relations-matrix', title: 'Every pair of states', build: matrixChart }
    ],
    triangle: [
      { name: 'triangle-types', title: 'Type of the triangle and role of each actor, by year', build: triangleTypesChart },
      { name: 'triangle-ties', title: 'Tie weights over time', build: triangleTiesChart }
    ],
    balancers: [
      { name: 'balancers-ranking', title: 'Ranking by weighted pivot index', build: balancersChart }
    ],
    blocs: [
      { name: 'blocs-frustration', title: 'Frustration index over time', build: frustrationChart },
      { name: 'blocs-membership', title: 'Bloc of each state, by year', build: membershipChart }
    ],
    landscape: [
      { name: 'landscape-basins', title: 'Basin share of each minimum', build: basinsChart },
      { name: 'landscape-sides', title: 'Side of each actor in each minimum', build: sidesChart }
    ],
    scenario: [
      { name: 'scenario-measures', title: 'Each measure, before and after', build: measuresChart }
    ],
    bargaining: [
      { name: 'bargaining-rounds', title: 'Median voter and weighted mean, round by round', build: bargainingRoundsChart }
    ]
  };

  // ---- Tables (the numbers beside the charts) ---------------------------------------------------

  var OPEN_TABLE_ROWS = 12;

  function relationSwatch(value) {
    var i = RELATIONS.indexOf(value);
    if (i < 0) return null;
    return el('span', { class: 'swatch', style: 'background:' + RELATION_COLORS[i], 'aria-hidden': 'true' });
  }

  function dataTable(t) {
    var columns = Array.isArray(t.columns) ? t.columns : [];
    var rows = Array.isArray(t.rows) ? t.rows : [];
    var numeric = columns.map(function (c, i) {
      var any = false;
      var all = rows.every(function (r) {
        var v = r[i];
        if (v === null || v === undefined) return true;
        any = true;
        return typeof v === 'number';
      });
      return any && all;
    });
    var thead = el('thead', null, [el('tr', null, columns.map(function (c, i) {
      return el('th', { scope: 'col', class: numeric[i] ? 'num' : null, text: String(c) });
    }))]);
    var tbody = el('tbody', null, rows.map(function (r) {
      return el('tr', null, columns.map(function (c, i) {
        var v = r[i];
        var cls = [];
        if (numeric[i]) cls.push('num');
        if (v === null || v === undefined) cls.push('null');
        var td = el('td', { class: cls.join(' ') || null });
        var sw = typeof v === 'string' ? relationSwatch(v) : null;
        if (sw) td.appendChild(sw);
        td.appendChild(document.createTextNode(formatCell(v)));
        return td;
      }));
    }));
    var name = String(t.name || 'table');
    var href = 'data/' + encodeURIComponent(name) + '.csv';
    var summary = el('summary', null, [
      el('span', { class: 'table-title', text: t.title || name }),
      el('span', { class: 'table-count', text: rows.length + (rows.length === 1 ? ' row' : ' rows') }),
      el('a', { class: 'csv-link', href: href, title: 'data/' + name + '.csv', text: 'CSV' })
    ]);
    var details = el('details', { class: 'data-table', 'data-table': name }, [
      summary,
      el('div', { class: 'table-scroll' }, [el('table', null, [thead, tbody])])
    ]);
    if (rows.length <= OPEN_TABLE_ROWS) details.open = true;
    return details;
  }

  // ---- Section extras ---------------------------------------------------------------------------

  function relationCounts(section) {
    var counts = section.counts;
    if (!counts || typeof counts !== 'object') return null;
    var items = RELATIONS.filter(function (r) { return isNum(counts[r]); }).map(function (r) {
      return el('li', null, [relationSwatch(r), el('span', { class: 'count-label', text: r }), el('strong', { text: String(counts[r]) })]);
    });
    if (items.length === 0) return null;
    return el('div', { class: 'relation-counts' }, [
      el('span', { class: 'extras-label', text: 'Pairs by relation' }),
      el('ul', null, items)
    ]);
  }

  function scenarioIntro(section) {
    var parts = [];
    if (section.name || section.question) {
      parts.push(el('p', { class: 'scenario-question' }, [
        section.name ? el('span', { class: 'scenario-name', text: section.name }) : null,
        section.question ? String(section.question) : null
      ]));
    }
    if (Array.isArray(section.shocks) && section.shocks.length > 0) {
      parts.push(el('div', { class: 'scenario-list' }, [
        el('span', { class: 'extras-label', text: 'Shocks' }),
        el('ul', null, section.shocks.map(function (s) { return el('li', { text: String(s) }); }))
      ]));
    }
    if (Array.isArray(section.changes) && section.changes.length > 0) {
      parts.push(el('div', { class: 'scenario-list' }, [
        el('span', { class: 'extras-label', text: 'What changes, most important first' }),
        el('ol', null, section.changes.map(function (s) { return el('li', { text: String(s) }); }))
      ]));
    }
    return parts.length ? el('div', { class: 'scenario-intro' }, parts) : null;
  }

  function scenarioTriangles(section, report) {
    var triangles = section.triangles;
    if (!Array.isArray(triangles) || triangles.length === 0) return null;
    var focusName = (report.focus && report.focus.name) || 'the focus';
    var describe = function (x) {
      if (!x) return '—';
      return typeLabel(x.type) + (x.role ? ' (' + x.role + ')' : '');
    };
    var body = triangles.map(function (t) {
      var before = describe(t.before);
      var after = describe(t.after);
      return el('tr', { class: before !== after ? 'changed' : null }, [
        el('th', { scope: 'row', text: String(t.triangle) }),
        el('td', { text: before }),
        el('td', { class: 'arrow', text: before !== after ? '→' : '=' }),
        el('td', { text: after })
      ]);
    });
    return el('figure', { class: 'chart-figure comparison-figure' }, [
      el('figcaption', null, [el('span', { class: 'chart-title', text: 'Triangles of ' + focusName + ': type (its role), before and after' })]),
      el('table', { class: 'comparison' }, [
        el('thead', null, [el('tr', null, [
          el('th', { scope: 'col', text: 'triangle' }), el('th', { scope: 'col', text: 'before' }),
          el('th', { scope: 'col', text: '' }), el('th', { scope: 'col', text: 'after' })
        ])]),
        el('tbody', null, body)
      ])
    ]);
  }

  // ---- Drawing ----------------------------------------------------------------------------------

  var errors = [];

  function showErrors() {
    var box = document.getElementById('report-error');
    if (!box) return;
    box.textContent = '';
    box.appendChild(el('strong', { text: 'Some of this report could not be drawn.' }));
    box.appendChild(el('ul', null, errors.map(function (m) { return el('li', { text: m }); })));
    box.hidden = false;
  }

  function fail(message) {
    if (message) errors.push(message);
    showErrors();
    document.body.dataset.rendered = 'error';
    var loading = document.getElementById('report-loading');
    if (loading) loading.hidden = true;
  }

  function embed(target, spec) {
    return window.vegaEmbed(target, spec, {
      mode: 'vega-lite',
      renderer: 'svg',
      actions: false,
      config: VEGA_CONFIG
    });
  }

  // A section's kind: its id without the number of a second or later one of the same kind
  // ("triangle-2" is a triangle; docs/report.md).
  function kindOf(id) {
    return id.replace(/-[0-9]+$/, '');
  }

  // tasks: where the chart promises go; null when the chart libraries are missing (no charts).
  function renderSection(section, report, tasks) {
    var id = String(section.id);
    var kind = kindOf(id);
    var node = el('section', { id: id, class: 'report-section' });
    // A bargaining section's title is its issue's; the label above it says what the section is.
    if (kind === 'bargaining') {
      node.appendChild(el('span', {
        class: 'extras-label',
        text: 'Bargaining: expected-utility model' + (section.variant && section.variant.name ? ', variant ' + section.variant.name : '')
      }));
    }
    node.appendChild(el('h2', { text: section.title || id }));
    if (section.text) node.appendChild(el('p', { class: 'section-text', text: String(section.text) }));
    if (id === 'relations') node.appendChild(relationCounts(section) || document.createComment('no counts'));
    if (id === 'scenario') node.appendChild(scenarioIntro(section) || document.createComment('no scenario intro'));

    var charts = el('div', { class: 'section-charts' });
    // A section without tables has nothing to chart: its text says why.
    var hasData = Array.isArray(section.tables) && section.tables.length > 0;
    (hasData ? SECTION_CHARTS[kind] || [] : []).forEach(function (c) {
      var target = el('div', { class: 'chart', 'data-chart': c.name, role: 'img', 'aria-label': c.title });
      var note = el('p', { class: 'chart-note' });
      charts.appendChild(el('figure', { class: 'chart-figure' }, [
        el('figcaption', null, [el('span', { class: 'chart-title', text: c.title })]),
        target,
        note
      ]));
      if (!tasks) {
        note.remove();
        target.appendChild(el('p', { class: 'chart-error', text: 'This chart could not be drawn: the chart libraries did not load.' }));
        return;
      }
      tasks.push(Promise.resolve().then(function () {
        var built = c.build(section, report);
        if (built.note) note.textContent = built.note;
        else note.remove();
        return embed(target, built.spec);
      }).catch(function (e) {
        var msg = 'chart "' + c.name + '": ' + (e && e.message ? e.message : String(e));
        target.appendChild(el('p', { class: 'chart-error', text: 'This chart could not be drawn: ' + msg }));
        throw new Error(msg);
      }));
    });
    if (id === 'scenario') {
      var tri = scenarioTriangles(section, report);
      if (tri) charts.appendChild(tri);
    }

    var tables = Array.isArray(section.tables) ? section.tables : [];
    var numbers = el('aside', { class: 'section-numbers', 'aria-label': 'The numbers of ' + (section.title || id) }, [
      el('h3', { text: 'The numbers' })
    ].concat(tables.map(dataTable)));

    var body = el('div', { class: 'section-body' + (tables.length === 0 ? ' no-numbers' : '') }, [charts]);
    if (tables.length > 0) body.appendChild(numbers);
    node.appendChild(body);
    return node;
  }

  function renderHeader(report) {
    var focus = report.focus || {};
    var title = 'Strategic relations of ' + (focus.name || focus.abbrev || 'the focus state') +
      (report.year !== undefined ? ', ' + report.year : '');
    document.getElementById('report-title').textContent = title;
    document.title = title + ' · entente report';
    var meta = [];
    if (focus.abbrev) meta.push('focus ' + (focus.name ? focus.name + ' (' + focus.abbrev + ')' : focus.abbrev));
    if (report.year !== undefined) meta.push('year ' + report.year);
    if (report.from !== undefined) meta.push('timelines from ' + report.from);
    if (report.source) meta.push('data: ' + report.source);
    if (report.profile) meta.push('stance profile: ' + report.profile);
    if (report.entente_version) meta.push('entente ' + report.entente_version);
    document.getElementById('report-meta').textContent = meta.join(' · ');

    var summary = Array.isArray(report.summary) ? report.summary : [];
    if (summary.length > 0) {
      var list = document.getElementById('report-summary-list');
      summary.forEach(function (s) { list.appendChild(el('li', { text: String(s) })); });
      document.getElementById('report-summary').hidden = false;
    }
  }

  function renderToc(sections) {
    var toc = document.getElementById('report-toc');
    if (!toc || sections.length === 0) return;
    toc.appendChild(el('ul', null, sections.map(function (s) {
      return el('li', null, [el('a', { href: '#' + encodeURIComponent(String(s.id)), text: s.title || String(s.id) })]);
    })));
    toc.hidden = false;
  }

  function main() {
    var report = window.ENTENTE_REPORT;
    if (!report || typeof report !== 'object') {
      fail('data.js did not load or does not define window.ENTENTE_REPORT.');
      return;
    }
    renderHeader(report);
    var sections = (Array.isArray(report.sections) ? report.sections : []).filter(function (s) {
      return s && typeof s === 'object' && s.id !== undefined && s.id !== null;
    });
    renderToc(sections);

    var missing = [];
    if (typeof window.vega === 'undefined') missing.push('assets/vega.min.js');
    if (typeof window.vegaLite === 'undefined') missing.push('assets/vega-lite.min.js');
    if (typeof window.vegaEmbed !== 'function') missing.push('assets/vega-embed.min.js');

    var main = document.getElementById('report-sections');
    var tasks = [];
    sections.forEach(function (s) {
      try {
        main.appendChild(renderSection(s, report, missing.length ? null : tasks));
      } catch (e) {
        errors.push('section "' + s.id + '": ' + (e && e.message ? e.message : String(e)));
      }
    });
    if (missing.length) {
      fail('The chart libraries did not load: ' + missing.join(', ') + '.');
      return;
    }
    Promise.allSettled(tasks).then(function (results) {
      results.forEach(function (r) { if (r.status === 'rejected') errors.push(r.reason && r.reason.message ? r.reason.message : String(r.reason)); });
      if (errors.length > 0) {
        errors.forEach(function (m) { console.error('entente report: ' + m); });
        fail(null);
        return;
      }
      var loading = document.getElementById('report-loading');
      if (loading) loading.hidden = true;
      if (document.body.dataset.rendered !== 'error') document.body.dataset.rendered = 'true';
    });
  }

  window.addEventListener('error', function (e) {
    fail('script error: ' + (e && e.message ? e.message : 'unknown') + (e && e.filename ? ' (' + e.filename.split('/').pop() + ':' + e.lineno + ')' : ''));
  });
  window.addEventListener('unhandledrejection', function (e) {
    fail('unhandled error: ' + (e && e.reason && e.reason.message ? e.reason.message : String(e && e.reason)));
  });

  try {
    main();
  } catch (e) {
    fail('the report could not be drawn: ' + (e && e.message ? e.message : String(e)));
  }
})();
