/*
 * The web app of `entente serve` (docs/serve.md): every view reads the JSON API, the same JSON the
 * command line prints, and shows it as a chart, a table and a CSV link. The page's state (year,
 * focus, triangle, scenario) lives in the URL, so a view can be shared. A tie of the network or
 * of the triangle opens `explain` for that pair and year; the scenario editor posts a scenario
 * and shows the world before and after it.
 * <body data-ready> is "true" once every view shows the data of <body data-year>; the browser
 * test waits for it.
 */
(function () {
  'use strict';

  var RELATIONS = window.ENTENTE_PALETTE.relations;  // shared with the report (web/shared/palette.js)
  var RELATION_COLORS = window.ENTENTE_PALETTE.relationColors;
  var FOCUS_COLOR = window.ENTENTE_PALETTE.focusColor;
  // Blocs of the network: two hues apart from the ties' green and red, dark enough for white text
  // beside them; states in neither bloc grey.
  var BLOC_COLORS = ['#1f5fa8', '#9a4a00', '#5f6b76'];
  var FIRST_YEAR = 1946;
  var LAST_YEAR = 2012;
  var MAX_MEMBERS = 200;  // the server's bounds on one scenario (serve::Limits)
  var MAX_RUNS = 200;
  var OUTSIDE = 'not in the data';
  var MIN_WEIGHT = 0.5;  // the signed graph of `entente balance --year`: treaties and antagonism

  var state = { year: 2012, focus: 'USA', tri: ['USA', 'RUS', 'CHN'], scenario: null };
  var world = null;
  var pending = 0;

  function $(id) { return document.getElementById(id); }

  function api(path, init) {
    return fetch(path, init).then(function (r) {
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
    // A scenario is its body (the JSON the server is sent) and the options beside it.
    if (q.get('scenario')) {
      try {
        state.scenario = { body: JSON.parse(q.get('scenario')), members: Number(q.get('members') || 0),
                           runs: Number(q.get('runs') || 0), seed: Number(q.get('seed') || 1),
                           profile: q.get('profile') || 'default' };
      } catch (e) {
        showError('the scenario in the address is not JSON: ' + e.message);
      }
    }
  }
  function writeUrl() {
    var q = new URLSearchParams({ year: String(state.year), focus: state.focus, triangle: state.tri.join(',') });
    if (state.scenario) {
      q.set('scenario', JSON.stringify(state.scenario.body));
      q.set('members', String(state.scenario.members));
      q.set('runs', String(state.scenario.runs));
      q.set('seed', String(state.scenario.seed));
      q.set('profile', state.scenario.profile);
    }
    window.history.replaceState(null, '', '?' + q.toString());
  }

  // ---- Tables and CSV -------------------------------------------------------------------------
  // `tie` (optional) names the column whose cells open `explain`: tie(row) gives [a, b, year].
  function fillTable(id, columns, rows, tie) {
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
        var text = v === null || v === undefined ? '' : String(v);
        var pair = tie && tie.columns.indexOf(c) >= 0 ? tie.pair(r, c) : null;
        if (pair) td.appendChild(tieButton(text, pair[0], pair[1], pair[2]));
        else td.textContent = text;
      });
    });
    if (tie) rove(table);
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

  // Chart text dark enough on white (WCAG AA, 4.5:1); Vega's default greys are lighter.
  var CHART_CONFIG = {
    axis: { labelColor: '#1b1f24', titleColor: '#1b1f24', domainColor: '#4a5560', tickColor: '#4a5560' },
    legend: { labelColor: '#1b1f24', titleColor: '#1b1f24' },
    title: { color: '#1b1f24' }
  };
  function embed(id, spec) {
    spec.config = Object.assign({}, CHART_CONFIG, spec.config || {});
    return vegaEmbed('#' + id, spec, { actions: false, renderer: 'svg' });
  }

  // ---- explain behind a tie -------------------------------------------------------------------
  // A tie is a button; in a table of ties only one is in the tab order and the arrow keys move
  // between them (a roving tabindex), so Tab passes the table in one step.
  function tieButton(text, a, b, year) {
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'tie';
    button.textContent = text;
    button.dataset.a = a;
    button.dataset.b = b;
    button.dataset.year = String(year);
    button.setAttribute('aria-label', text + ': why, ' + a + ' and ' + b + ' in ' + year);
    button.tabIndex = -1;
    return button;
  }
  function rove(table) {
    var first = table.querySelector('button.tie');
    if (first) first.tabIndex = 0;
  }
  function moveTie(from, key) {
    var cell = from.closest('td');
    var row = cell.parentElement;
    var target = null;
    if (key === 'ArrowLeft' || key === 'ArrowRight') {
      var step = key === 'ArrowLeft' ? -1 : 1;
      for (var i = cell.cellIndex + step; i >= 0 && i < row.cells.length && !target; i += step)
        target = row.cells[i].querySelector('button.tie');
    } else {
      var r = key === 'ArrowUp' ? row.previousElementSibling : row.nextElementSibling;
      if (r && r.cells[cell.cellIndex]) target = r.cells[cell.cellIndex].querySelector('button.tie');
    }
    if (!target) return;
    from.tabIndex = -1;
    target.tabIndex = 0;
    target.focus();
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (!(t instanceof HTMLElement) || !t.classList.contains('tie')) return;
    if (['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight'].indexOf(e.key) < 0) return;
    e.preventDefault();
    moveTie(t, e.key);
  });
  document.addEventListener('click', function (e) {
    var t = e.target instanceof Element ? e.target.closest('button.tie') : null;
    if (t) explain(t.dataset.a, t.dataset.b, Number(t.dataset.year), t);
  });

  function listInto(id, items) {
    var ul = $(id);
    ul.textContent = '';
    (items.length ? items : ['none']).forEach(function (item) {
      var li = document.createElement('li');
      li.textContent = item;
      ul.appendChild(li);
    });
  }
  var explainOpener = null;
  function explain(a, b, year, opener) {
    explainOpener = opener || document.activeElement;
    var q = new URLSearchParams({ a: a, b: b, year: String(year) });
    var dialog = $('explain');
    dialog.dataset.ready = 'false';
    return api('/api/explain?' + q.toString()).then(function (x) {
      $('explain-title').textContent = x.a.name + ' (' + x.a.abbrev + ') and ' + x.b.name + ' (' + x.b.abbrev + ') in ' + x.year;
      $('explain-relation').textContent = x.relation + ', weight ' + (x.weight >= 0 ? '+' : '') + x.weight.toFixed(2) +
        ' (profile ' + x.profile + ')';
      $('explain-rule').textContent = 'Rule: ' + x.rule;
      listInto('explain-evidence', x.evidence);
      listInto('explain-missing', x.missing_layers);
      dialog.dataset.a = x.a.abbrev;
      dialog.dataset.b = x.b.abbrev;
      dialog.dataset.year = String(x.year);
      dialog.dataset.relation = x.relation;
      dialog.dataset.ready = 'true';
      if (!dialog.open) dialog.showModal();
      $('explain-close').focus();
    }, function (e) { showError(e.message); });
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

  // The blocs of `entente blocs --from Y --to Y`: each state's bloc name.
  function blocOf(blocs) {
    var of = {};
    blocs.periods[0].blocs.forEach(function (b) { b.members.forEach(function (m) { of[m] = 'bloc ' + b.bloc; }); });
    return of;
  }

  function drawNetwork(relations, blocs, year) {
    var index = {};
    var nodes = [];
    var links = [];
    var bloc = blocOf(blocs);
    var blocNames = blocs.periods[0].blocs.map(function (b) { return 'bloc ' + b.bloc; });
    relations.rows.forEach(function (r) {
      if (Math.abs(r.weight) < MIN_WEIGHT) return;
      [r.abbrev1, r.abbrev2].forEach(function (s) {
        if (!(s in index)) { index[s] = nodes.length; nodes.push({ abbrev: s, bloc: bloc[s] || 'no bloc' }); }
      });
      links.push({ source: index[r.abbrev1], target: index[r.abbrev2], a: r.abbrev1, b: r.abbrev2,
                   sign: r.weight > 0 ? '+' : '-', relation: r.relation, weight: r.weight });
    });
    fillTable('network-table', ['a', 'b', 'sign', 'relation', 'weight'], links,
              { columns: ['relation'], pair: function (r) { return [r.a, r.b, year]; } });
    fillTable('blocs-table', ['state', 'bloc'], Object.keys(bloc).sort().map(function (s) { return { state: s, bloc: bloc[s] }; }));
    $('network').dataset.edges = String(links.length);
    $('network').dataset.blocs = String(blocNames.length);
    return embed('network', {
      $schema: 'https://vega.github.io/schema/vega/v6.json',
      width: 700, height: 480, autosize: 'none',
      data: [{ name: 'nodes', values: nodes }, { name: 'links', values: links }],
      scales: [{ name: 'sign', type: 'ordinal', domain: ['+', '-'], range: ['#1a7f37', '#b2182b'] },
               { name: 'bloc', type: 'ordinal', domain: blocNames.concat(['no bloc']), range: BLOC_COLORS.slice(0, blocNames.length).concat([BLOC_COLORS[2]]) }],
      marks: [
        { type: 'symbol', name: 'node', zindex: 1, from: { data: 'nodes' },
          encode: { enter: { fill: { scale: 'bloc', field: 'bloc' }, size: { value: 70 }, stroke: { value: '#ffffff' },
                             tooltip: { signal: "datum.abbrev + ' (' + datum.bloc + ')'" } } },
          transform: [{ type: 'force', iterations: 200, static: true,
                        forces: [{ force: 'center', x: 350, y: 240 }, { force: 'collide', radius: 10 },
                                 { force: 'nbody', strength: -90 }, { force: 'link', links: 'links', distance: 70 }] }] },
        { type: 'path', name: 'tie', from: { data: 'links' }, interactive: true,
          encode: { enter: { cursor: { value: 'pointer' }, tooltip: { signal: "datum.a + '-' + datum.b + ': ' + datum.relation + ' (click: why)'" } },
                    update: { stroke: { scale: 'sign', field: 'sign' }, strokeWidth: { value: 1.2 }, strokeOpacity: { value: 0.6 } } },
          transform: [{ type: 'linkpath', shape: 'line', sourceX: 'datum.source.x', sourceY: 'datum.source.y',
                        targetX: 'datum.target.x', targetY: 'datum.target.y' }] },
        { type: 'text', from: { data: 'node' }, interactive: false,
          encode: { update: { text: { field: 'datum.abbrev' }, x: { field: 'x' }, y: { field: 'y' }, dx: { value: 5 },
                              fontSize: { value: 8 }, fill: { value: '#1b1f24' } } } }
      ],
      legends: [{ stroke: 'sign', title: 'tie', orient: 'top-left' },
                { fill: 'bloc', title: 'bloc in ' + year, orient: 'top-right', symbolStrokeColor: '#ffffff' }]
    }).then(function (result) {
      result.view.addEventListener('click', function (event, item) {
        if (item && item.mark && item.mark.name === 'tie') explain(item.datum.a, item.datum.b, year);
      });
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
    fillTable('triangle-table', ['year', 'type'].concat(names, pairs), rows,
              { columns: pairs, pair: function (r, p) { return p.split('-').concat([r.year]); } });
    var ties = [];
    t.rows.forEach(function (r) {
      pairs.forEach(function (p) {
        var ab = p.split('-');
        ties.push({ year: r.year, pair: p, a: ab[0], b: ab[1], weight: r.ties[p].weight, type: r.type });
      });
    });
    return embed('triangle', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 700, height: 220,
      vconcat: [
        { width: 700, height: 30, data: { values: t.rows }, mark: 'rect',
          encoding: { x: { field: 'year', type: 'ordinal', axis: null }, color: { field: 'type', type: 'nominal', title: 'triangle type' },
                      tooltip: [{ field: 'year' }, { field: 'type' }] } },
        { width: 700, height: 180, data: { values: ties }, mark: { type: 'line', point: { cursor: 'pointer' } },
          encoding: { x: { field: 'year', type: 'ordinal' }, y: { field: 'weight', type: 'quantitative', scale: { domain: [-1, 1] } },
                      color: { field: 'pair', type: 'nominal' }, tooltip: [{ field: 'year' }, { field: 'pair' }, { field: 'weight' }] } }
      ]
    }).then(function (result) {
      result.view.addEventListener('click', function (event, item) {
        var d = item && item.datum;
        if (d && d.pair && d.a && d.year) explain(d.a, d.b, d.year);
      });
    });
  }

  function drawBalancers(b) {
    var rows = b.rows.map(function (r) {
      return { rank: r.rank, state: r.abbrev, weighted_pivot: r.weighted_pivot, pivot: r.pivot, flexibility: r.flexibility };
    });
    fillTable('balancer-table', ['rank', 'state', 'weighted_pivot', 'pivot', 'flexibility'], rows);
    return embed('balancer', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      width: 600, data: { values: rows }, mark: 'bar',
      encoding: { y: { field: 'state', type: 'nominal', sort: '-x' }, x: { field: 'weighted_pivot', type: 'quantitative' },
                  tooltip: [{ field: 'state' }, { field: 'weighted_pivot' }, { field: 'pivot' }] }
    });
  }

  // ---- Scenario editor ------------------------------------------------------------------------
  // The shocks of docs/scenarios.md, with the keys each takes (what the editor shows for it).
  var SHOCKS = {
    add_treaty: { pair: true, type: 'required' },
    end_treaty: { pair: true, type: 'optional' },
    start_rivalry: { pair: true },
    end_rivalry: { pair: true },
    start_war: { pair: true },
    end_war: { pair: true },
    set_capability: { actor: true, number: ['cinc', 'factor'] },
    add_actor: { actor: true, number: ['cinc'] },
    remove_actor: { actor: true },
    set_relation: { pair: true, relation: true },
    shift_relation: { pair: true, number: ['by'] },
    weaken_ties: { actor: true, number: ['factor'] }
  };
  var TREATY_TYPES = ['defense', 'offense', 'neutrality', 'nonaggression', 'entente', 'consultation'];
  var NUMBER_DEFAULTS = { cinc: 0.01, factor: 0.5, by: 0.5 };
  var scenarioStates = { modelled: [], other: [] };  // from /api/info and /api/actors of the year
  var shockCount = 0;

  function option(value, text, selected) {
    var o = document.createElement('option');
    o.value = value;
    o.textContent = text;
    if (selected) o.selected = true;
    return o;
  }
  function labelled(li, text, control) {
    var id = 'shock' + li.dataset.n + '-' + control.name;
    var label = document.createElement('label');
    label.htmlFor = id;
    label.textContent = text;
    control.id = id;
    var wrap = document.createElement('span');
    wrap.className = 'field';
    wrap.dataset.field = control.name;
    wrap.appendChild(label);
    wrap.appendChild(control);
    li.appendChild(wrap);
    return control;
  }
  function stateSelect(name, value) {
    var select = document.createElement('select');
    select.name = name;
    [['modelled states', scenarioStates.modelled], ['other states', scenarioStates.other]].forEach(function (g) {
      if (!g[1].length) return;
      var group = document.createElement('optgroup');
      group.label = g[0];
      g[1].forEach(function (a) { group.appendChild(option(a.abbrev, a.name + ' (' + a.abbrev + ')', a.abbrev === value)); });
      select.appendChild(group);
    });
    if (value && select.value !== value) select.insertBefore(option(value, value, true), select.firstChild);
    return select;
  }
  function plainSelect(name, values, value) {
    var select = document.createElement('select');
    select.name = name;
    values.forEach(function (v) { select.appendChild(option(v[0], v[1], v[0] === value)); });
    return select;
  }

  // One shock as a row of controls; only the keys its kind takes are shown (hidden ones leave the
  // tab order).
  function addShock(shock) {
    shock = shock || { kind: 'start_war', between: ['CHN', 'IND'] };
    shockCount += 1;
    var li = document.createElement('li');
    li.className = 'shock';
    li.dataset.n = String(shockCount);
    var kind = labelled(li, 'Kind', plainSelect('kind', Object.keys(SHOCKS).map(function (k) { return [k, k.replace('_', ' ')]; }), shock.kind));
    var between = shock.between || [shock.actor || 'RUS', 'CHN'];
    labelled(li, 'State', stateSelect('a', between[0]));
    labelled(li, 'and', stateSelect('b', between[1]));
    labelled(li, 'State', stateSelect('actor', shock.actor || between[0]));
    labelled(li, 'Treaty type', plainSelect('type', [['', 'every obligation']].concat(TREATY_TYPES.map(function (t) { return [t, t]; })), shock.type || 'defense'));
    labelled(li, 'Relation', plainSelect('relation', RELATIONS.map(function (r) { return [r, r]; }), shock.relation || 'alliance'));
    var numberKey = ['cinc', 'factor', 'by'].filter(function (k) { return k in shock; })[0];
    labelled(li, 'Set', plainSelect('measure', [['cinc', 'CINC to'], ['factor', 'CINC times']], numberKey === 'factor' ? 'factor' : 'cinc'));
    var number = document.createElement('input');
    number.name = 'number';
    number.type = 'number';
    number.step = 'any';
    number.required = true;
    number.value = numberKey ? String(shock[numberKey]) : '';
    labelled(li, 'Value', number);
    var remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'remove';
    remove.textContent = 'Remove';
    remove.setAttribute('aria-label', 'Remove this shock');
    remove.addEventListener('click', function () {
      var next = li.nextElementSibling || li.previousElementSibling;
      li.remove();
      (next ? next.querySelector('select') : $('sc-add')).focus();
    });
    li.appendChild(remove);
    kind.addEventListener('change', function () { showShockFields(li, true); });
    $('sc-shocks').appendChild(li);
    showShockFields(li, false);
    return li;
  }
  function field(li, name) { return li.querySelector('[name="' + name + '"]'); }
  function showShockFields(li, kindChanged) {
    var spec = SHOCKS[field(li, 'kind').value];
    var shown = { kind: true, a: !!spec.pair, b: !!spec.pair, actor: !!spec.actor, type: !!spec.type,
                  relation: !!spec.relation, measure: !!spec.number && spec.number.length > 1, number: !!spec.number };
    li.querySelectorAll('.field').forEach(function (f) {
      f.hidden = !shown[f.dataset.field];
      f.querySelector('[name]').disabled = f.hidden;  // a hidden control neither validates nor takes focus
    });
    var type = field(li, 'type');
    type.options[0].disabled = spec.type !== 'optional';
    if (type.value === '' && spec.type === 'required') type.value = TREATY_TYPES[0];
    var number = field(li, 'number');
    if (spec.number) {
      var key = numberKey(li);
      // weaken_ties' factor is a share (0 to 1); a shift moves a weight inside [-1, 1].
      number.min = key === 'by' ? '-2' : '0';
      number.max = key === 'by' ? '2' : spec.number.length === 1 && key === 'factor' ? '1' : '';
      if (kindChanged || number.value === '') number.value = String(NUMBER_DEFAULTS[key]);
      li.querySelector('[data-field="number"] label').textContent = key === 'cinc' ? 'CINC' : key === 'by' ? 'By' : 'Factor';
    }
  }
  function numberKey(li) {
    var spec = SHOCKS[field(li, 'kind').value];
    return spec.number.length > 1 ? field(li, 'measure').value : spec.number[0];
  }
  function shockOf(li) {
    var kind = field(li, 'kind').value;
    var spec = SHOCKS[kind];
    var shock = { kind: kind };
    if (spec.pair) shock.between = [field(li, 'a').value, field(li, 'b').value];
    if (spec.actor) shock.actor = field(li, 'actor').value;
    if (spec.type && field(li, 'type').value) shock.type = field(li, 'type').value;
    if (spec.relation) shock.relation = field(li, 'relation').value;
    if (spec.number) shock[numberKey(li)] = Number(field(li, 'number').value);
    return shock;
  }

  // The editor's contents as the request: the JSON body (docs/serve.md) and its query options.
  function scenarioOfForm() {
    var body = { name: 'scenario from the web app',
                 base: { year: Number($('sc-year').value), focus: $('sc-focus').value },
                 shock: Array.prototype.map.call($('sc-shocks').children, shockOf) };
    var triangles = $('sc-triangles').value.split(',').map(function (t) {
      return t.split('-').map(function (s) { return s.trim(); }).filter(Boolean);
    }).filter(function (t) { return t.length; });
    if (triangles.length) body.base.triangles = triangles;
    return { body: body, members: Number($('sc-members').value), runs: Number($('sc-runs').value),
             seed: Number($('sc-seed').value), profile: $('sc-profile').value };
  }
  function fillScenarioForm(sc) {
    var base = sc.body.base || {};
    $('sc-year').value = String(base.year || LAST_YEAR);
    $('sc-triangles').value = (base.triangles || []).map(function (t) { return t.join('-'); }).join(', ');
    $('sc-profile').value = sc.profile;
    $('sc-members').value = String(sc.members);
    $('sc-runs').value = String(sc.runs);
    $('sc-seed').value = String(sc.seed);
    fillScenarioFocus(base.focus || 'RUS');
    $('sc-shocks').textContent = '';
    (sc.body.shock || []).forEach(addShock);
  }
  function fillScenarioFocus(value) {
    var select = $('sc-focus');
    var fresh = stateSelect('sc-focus', value);
    select.textContent = '';
    while (fresh.firstChild) select.appendChild(fresh.firstChild);
    select.value = value;
  }
  // The states a shock may name: those the scenario models (the store's evidence) first.
  function loadScenarioStates(year) {
    return Promise.all([api('/api/info'), api('/api/actors?year=' + year)]).then(function (res) {
      var scope = {};
      (res[0].evidence_scope || []).forEach(function (c) { scope[c] = true; });
      var byName = function (x, y) { return x.name.localeCompare(y.name); };
      scenarioStates.modelled = res[1].rows.filter(function (a) { return scope[a.ccode]; }).sort(byName);
      scenarioStates.other = res[1].rows.filter(function (a) { return !scope[a.ccode]; }).sort(byName);
    });
  }

  var FIGURE_GROUPS = [['relations', 'relations: '], ['triads', 'triads: ']];
  // The numbers the result holds for the world before and after, one row each.
  function scenarioFigures(x) {
    var rows = [];
    var add = function (measure, before, after) {
      rows.push({ measure: measure, before: before, after: after, changed: String(before) !== String(after) ? 'yes' : '' });
    };
    var b = x.before;
    var a = x.after;
    add('states', b.states, a.states);
    FIGURE_GROUPS.forEach(function (g) {
      Object.keys(b[g[0]]).forEach(function (k) { add(g[1] + k, b[g[0]][k], a[g[0]][k]); });
    });
    b.triangles.forEach(function (t, i) {
      var ta = a.triangles[i] || { type: '', roles: {} };
      add('triangle ' + t.triangle + ': type', t.type, ta.type);
      Object.keys(t.roles).forEach(function (s) { add('triangle ' + t.triangle + ': ' + s, t.roles[s], ta.roles[s]); });
    });
    add('signed graph: edges', b.signed_graph.edges, a.signed_graph.edges);
    add('signed graph: negative edges', b.signed_graph.negative_edges, a.signed_graph.negative_edges);
    add('frustration index', b.frustration.value, a.frustration.value);
    add('frustration: lower bound', b.frustration.lower_bound, a.frustration.lower_bound);
    add('frustration: proven optimal', b.frustration.optimal, a.frustration.optimal);
    ['with_focus', 'other', 'unaligned'].forEach(function (k) {
      add('blocs: ' + k.replace('_', ' '), b.blocs[k].join(' '), a.blocs[k].join(' '));
    });
    b.balancers.forEach(function (r, i) {
      var ra = a.balancers[i];
      add('balancer rank ' + r.rank, r.abbrev, ra ? ra.abbrev : '');
    });
    if (b.landscape) add('landscape: minima', b.landscape.minima.length, a.landscape ? a.landscape.minima.length : '');
    return rows;
  }
  // "CHN-IND: rival -0.60 -> hostile -1.00", as the result's relation rows say it.
  function relationChange(row) {
    var m = /^(\S+)-(\S+): (\S+) ([+-]?[0-9.]+) -> (\S+) ([+-]?[0-9.]+)$/.exec(row.change);
    if (!m) return { pair: row.change };
    return { a: m[1], b: m[2], before: m[3], weight_before: Number(m[4]), after: m[5], weight_after: Number(m[6]) };
  }

  // Each end state of each dynamics, one row (none when the scenario ran no dynamics).
  function scenarioDynamics(x) {
    var rows = [];
    if (!x.dynamics) return rows;
    ['local_triad_dynamics', 'continuous', 'landscape_myopic_moves'].forEach(function (name) {
      var d = x.dynamics[name];
      if (!d) return;
      d.result.end_states.forEach(function (e) {
        rows.push({ dynamics: name.replace(/_/g, ' '), share: e.share, runs: e.runs, settled: e.settled, mean_time: e.mean_time,
                    paradise: e.paradise, with_focus: (e.with_focus || []).join(' '), against_focus: (e.against_focus || []).join(' ') });
      });
    });
    return rows;
  }
  // The ensemble's shares before and after: triangle types, the focus's roles, frustration.
  function scenarioEnsemble(x) {
    var rows = [];
    var e = x.ensemble;
    if (!e) return rows;
    var shares = function (label, before, after) {
      Object.keys(Object.assign({}, before, after)).forEach(function (k) {
        rows.push({ measure: label + k, before: before[k] || 0, after: after[k] || 0 });
      });
    };
    e.triangles.forEach(function (t) {
      shares(t.triangle + ' is ', t.before.type, t.after.type);
      shares(e.focus + ' in ' + t.triangle + ' is ', t.before.focus_role, t.after.focus_role);
    });
    ['mean', 'median', 'proven_optimal_share'].forEach(function (k) {
      rows.push({ measure: 'frustration index, ' + k.replace(/_/g, ' '), before: e.frustration.before[k], after: e.frustration.after[k] });
    });
    return rows;
  }

  function drawScenario(x, sc) {
    $('scenario-result').hidden = false;
    $('sc-summary').textContent = x.scenario + ': ' + x.shocks.join('; ') + '. ' + x.rows.length + ' changes, focus ' +
      x.focus + ', ' + x.year + ', profile ' + x.profile + (x.ensemble ? ', ' + x.ensemble.members + ' ensemble members' : '') + '.';
    fillTable('sc-focus-table', ['measure', 'before', 'after', 'changed'],
              x.focus_rows.map(function (r) { return { measure: r.measure, before: r.before, after: r.after, changed: r.changed ? 'yes' : '' }; }));
    var year = x.year;
    fillTable('sc-relations-table', ['a', 'b', 'before', 'weight_before', 'after', 'weight_after'],
              x.rows.filter(function (r) { return r.kind === 'relation'; }).map(relationChange),
              { columns: ['before'], pair: function (r) { return r.a ? [r.a, r.b, year] : null; } });
    fillTable('sc-figures-table', ['measure', 'before', 'after', 'changed'], scenarioFigures(x));
    fillTable('sc-dynamics-table', ['dynamics', 'share', 'runs', 'settled', 'mean_time', 'paradise', 'with_focus', 'against_focus'],
              scenarioDynamics(x));
    fillTable('sc-ensemble-table', ['measure', 'before', 'after'], scenarioEnsemble(x));
    fillTable('sc-changes-table', ['rank', 'tier', 'kind', 'change'], x.rows);
    var json = $('sc-json');
    if (json.href.startsWith('blob:')) URL.revokeObjectURL(json.href);
    json.href = URL.createObjectURL(new Blob([JSON.stringify(x, null, 2)], { type: 'application/json' }));
    $('scenario-result').dataset.rows = String(x.rows.length);
    $('scenario-result').dataset.query = JSON.stringify(sc);
    var counts = [];
    ['before', 'after'].forEach(function (when) {
      RELATIONS.forEach(function (r) { counts.push({ when: when, relation: r, dyads: x[when].relations[r] }); });
    });
    return embed('scenario-chart', {
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: { values: counts }, width: 90, height: 160,
      mark: 'bar',
      encoding: {
        column: { field: 'relation', type: 'nominal', sort: RELATIONS, title: 'dyads by relation, before and after' },
        x: { field: 'when', type: 'nominal', sort: ['before', 'after'], title: null },
        y: { field: 'dyads', type: 'quantitative' },
        color: { field: 'relation', type: 'nominal', scale: { domain: RELATIONS, range: RELATION_COLORS }, legend: null },
        opacity: { field: 'when', type: 'nominal', scale: { domain: ['before', 'after'], range: [0.45, 1] }, legend: null },
        tooltip: [{ field: 'relation' }, { field: 'when' }, { field: 'dyads' }]
      }
    });
  }

  function runScenario(sc) {
    state.scenario = sc;
    writeUrl();
    var q = new URLSearchParams({ members: String(sc.members), runs: String(sc.runs), seed: String(sc.seed), profile: sc.profile });
    var result = $('scenario-result');
    var error = $('sc-error');
    result.dataset.ready = 'false';
    error.hidden = true;
    $('sc-run').disabled = true;
    // The server's message (the command line's) shows beside the button that asked.
    return busy(api('/api/scenario?' + q.toString(), {
      method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(sc.body)
    }).then(function (x) { return drawScenario(x, sc); }).then(function () { result.dataset.ready = 'true'; }, function (e) {
      result.dataset.ready = 'error';
      error.textContent = 'The scenario was not run: ' + e.message;
      error.hidden = false;
    }).then(function () { $('sc-run').disabled = false; }), state.year);
  }

  function startScenario() {
    $('sc-members').max = String(MAX_MEMBERS);
    $('sc-runs').max = String(MAX_RUNS);
    $('sc-add').addEventListener('click', function () {
      var li = addShock();
      li.querySelector('select').focus();
    });
    $('scenario-form').addEventListener('submit', function (e) {
      e.preventDefault();
      runScenario(scenarioOfForm());
    });
    $('sc-year').addEventListener('change', function () {
      var y = Number($('sc-year').value);
      if (!(y >= FIRST_YEAR && y <= LAST_YEAR)) return;
      var sc = scenarioOfForm();
      loadScenarioStates(y).then(function () { fillScenarioForm(sc); });
    });
    var sc = state.scenario || { body: { base: { year: LAST_YEAR, focus: 'RUS', triangles: [['RUS', 'CHN', 'IND']] },
                                         shock: [{ kind: 'start_war', between: ['CHN', 'IND'] }] },
                                 members: 0, runs: 0, seed: 1, profile: 'default' };
    var year = (sc.body.base && sc.body.base.year) || LAST_YEAR;
    return loadScenarioStates(year >= FIRST_YEAR && year <= LAST_YEAR ? year : LAST_YEAR).then(function () {
      fillScenarioForm(sc);
      if (state.scenario) return runScenario(state.scenario);  // a shared link shows its result
      return null;
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
                             api('/api/balancer?year=' + year + '&top=20'),
                             api('/api/blocs?from=' + year + '&to=' + year)])
      .then(function (res) {
        if (year !== state.year) return null;  // a later year was asked for meanwhile
        fillFocus(res[0]);
        return Promise.all([drawMap(res[0], res[1]), drawNetwork(res[1], res[3], year), drawBalancers(res[2])]);
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
    $('explain').addEventListener('close', function () {
      if (explainOpener && document.contains(explainOpener)) explainOpener.focus();  // back where the reader was
    });
    api('/api/info').then(function (info) { $('source').textContent = 'Data: ' + info.source; }, function () {});
    // Ready only when the first year, triangle and scenario are all drawn.
    busy(Promise.all([startScenario(), fetch('vendor/countries-110m.json').then(function (r) { return r.json(); }).then(function (w) {
      world = w;
      return Promise.all([updateYear(), updateTriangle()]);
    }, function (e) { throw new Error('the world map did not load: ' + e.message); })]), state.year);
  }

  start();
}());
