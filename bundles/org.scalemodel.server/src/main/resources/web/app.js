// The scalemodel page: asks the API the questions the command line answers, draws the answers
// with ECharts, and re-asks the last question whenever the catalog changes (a hot-swap).
'use strict';

const $ = (id) => document.getElementById(id);
const charts = {};
let lastAction = null;
let generation = null;

async function api(path, options) {
  const response = await fetch('/api' + path, options);
  const type = response.headers.get('Content-Type') || '';
  const body = type.startsWith('application/json') ? await response.json() : await response.text();
  if (!response.ok) {
    const where = body.field ? ' [' + body.field + ']' : '';
    throw new Error(response.status + ' ' + (body.message || body) + where);
  }
  return body;
}

function table(report, id) {
  return report.tables.find((t) => t.id === id);
}

function fmt(value) {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'number') {
    return Math.abs(value) >= 1000 || Number.isInteger(value) ? value.toLocaleString('en', { maximumFractionDigits: 1 })
      : value.toPrecision(4);
  }
  return String(value);
}

function renderTable(element, t) {
  element.replaceChildren();
  if (!t) return;
  const head = element.createTHead().insertRow();
  for (const c of t.columns) {
    const th = document.createElement('th');
    th.textContent = c.header + (c.unit ? ' (' + c.unit + ')' : '');
    head.appendChild(th);
  }
  const body = element.createTBody();
  for (const row of t.rows) {
    const tr = body.insertRow();
    for (const c of t.columns) {
      const td = tr.insertCell();
      td.textContent = fmt(row[c.key]);
      if (typeof row[c.key] === 'number') td.className = 'num';
    }
  }
}

function renderFacts(report) {
  $('title').textContent = report.title;
  const dl = $('facts');
  dl.replaceChildren();
  for (const [k, v] of Object.entries(report.facts)) {
    const dt = document.createElement('dt');
    dt.textContent = k;
    const dd = document.createElement('dd');
    dd.textContent = v;
    dl.append(dt, dd);
  }
}

function chart(id, option) {
  const element = $(id);
  // shown before init: ECharts sizes its canvas from the element, which must not be display:none
  element.classList.add('shown');
  if (!charts[id]) charts[id] = echarts.init(element);
  charts[id].setOption(option, true);
  element.dataset.ready = 'true';
}

function clearCharts(...ids) {
  for (const id of ids) {
    if (charts[id]) { charts[id].dispose(); delete charts[id]; }
    $(id).replaceChildren();
    $(id).classList.remove('shown');
    delete $(id).dataset.ready;
  }
}

function drawBreakdown(report) {
  const t = table(report, 'breakdown');
  if (!t) return;
  chart('chart-breakdown', {
    title: { text: 'Where a step goes (s)', textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { left: 150 },
    xAxis: { type: 'value' },
    yAxis: { type: 'category', data: t.rows.map((r) => r.part), inverse: true },
    series: [{ type: 'bar', data: t.rows.map((r) => r.seconds) }],
  });
}

function drawMemory(report) {
  const t = table(report, 'memory');
  if (!t) return;
  const parts = t.rows.filter((r) => r.part !== 'total' && r.part !== 'capacity');
  const capacity = t.rows.find((r) => r.part === 'capacity');
  chart('chart-memory', {
    title: { text: 'Memory of the fullest device (GB)', textStyle: { fontSize: 13 } },
    tooltip: {}, grid: { left: 110 },
    // the axis runs to the device's capacity: how full the device is shows at a glance
    xAxis: { type: 'value', max: capacity ? Math.ceil(capacity.gigabytes) : null },
    yAxis: { type: 'category', data: parts.map((r) => r.part), inverse: true },
    series: [{ type: 'bar', stack: 'm', data: parts.map((r) => r.gigabytes),
      markLine: capacity ? { symbol: 'none', label: { formatter: 'capacity' }, data: [{ xAxis: capacity.gigabytes }] } : undefined }],
  });
}

/** The device count: the field, else the scenario's own `devices:` (kept when another system is chosen). */
function devicesAsked() {
  const own = /^devices:\s*([0-9_]+)/m.exec($('scenario').value);
  return $('devices').value || (own ? own[1].replace(/_/g, '') : '');
}

function query(system, devices, top) {
  const q = new URLSearchParams({ top: String(top) });
  if (system) q.set('system', system);
  if (devices) q.set('devices', String(devices));
  return q.toString();
}

async function planOn(system, devices, top) {
  return api('/plan?' + query(system, devices, top), {
    method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: $('scenario').value,
  });
}

async function bestPlans() {
  clearCharts('chart-scaling', 'chart-compare');
  $('comparison').replaceChildren();
  const report = await planOn($('system').value, devicesAsked(), 5);
  renderFacts(report);
  renderTable($('plans'), table(report, 'plans'));
  // the fastest plan's compute by operator
  renderTable($('comparison'), table(report, 'operators'));
  drawBreakdown(report);
  drawMemory(report);
  return report;
}

async function scalingCurve() {
  clearCharts('chart-compare');
  $('comparison').replaceChildren();
  const base = Number(devicesAsked()) || Number(($('system').selectedOptions[0] || {}).dataset?.devices || 0);
  if (!base) throw new Error('choose a system or a device count first');
  const sizes = [0.25, 0.5, 1, 2, 4, 8].map((f) => Math.round(base * f)).filter((n) => n >= 1);
  const q = new URLSearchParams({ sizes: sizes.join(',') });
  if ($('system').value) q.set('system', $('system').value);
  const report = await api('/scale?' + q, {
    method: 'POST', headers: { 'Content-Type': 'application/yaml' }, body: $('scenario').value,
  });
  renderFacts(report);
  const rows = table(report, 'scaling').rows;
  renderTable($('plans'), table(report, 'scaling'));
  chart('chart-scaling', {
    title: { text: 'Scaling: the best plan at each size', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { bottom: 50 },
    xAxis: { type: 'category', name: 'devices', data: rows.map((r) => r.devices.toLocaleString()) },
    yAxis: [{ type: 'value', name: 'tokens/s' }, { type: 'value', name: 'MFU %', max: 100 }],
    series: [
      { name: 'tokens/s', type: 'line', data: rows.map((r) => r.tokensPerSecond) },
      { name: 'MFU %', type: 'line', yAxisIndex: 1, data: rows.map((r) => r.mfuPercent) },
    ],
  });
  const skipped = rows.filter((r) => r.note).map((r) => r.devices + ': ' + r.note);
  $('status').textContent = skipped.length ? 'no plan at ' + skipped.join('; ') : '';
}

async function compareSystems() {
  const a = $('system').value;
  const b = $('systemB').value;
  if (!a || !b) throw new Error('choose system A and system B');
  clearCharts('chart-scaling');
  const [ra, rb, hardware] = await Promise.all([planOn(a, devicesAsked(), 1), planOn(b, devicesAsked(), 1),
    api('/compare?a=' + encodeURIComponent(a) + '&b=' + encodeURIComponent(b))]);
  renderFacts(ra);
  renderTable($('plans'), table(ra, 'plans'));
  drawBreakdown(ra);
  drawMemory(ra);
  const parts = [...new Set([...table(ra, 'breakdown').rows, ...table(rb, 'breakdown').rows].map((r) => r.part))];
  const seconds = (report, part) => (table(report, 'breakdown').rows.find((r) => r.part === part) || {}).seconds || 0;
  chart('chart-compare', {
    title: { text: 'Step time of the best plan: ' + a + ' vs ' + b + ' (s)', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, legend: { bottom: 0 }, grid: { bottom: 50 },
    xAxis: { type: 'category', data: [a, b] },
    yAxis: { type: 'value', name: 's' },
    series: parts.map((part) => ({ name: part, type: 'bar', stack: 'step', data: [seconds(ra, part), seconds(rb, part)] })),
  });
  renderTable($('comparison'), table(hardware, 'comparison'));
}

/** The published training runs, predicted: every case's error, each case id opening the case in full. */
async function validation() {
  clearCharts('chart-breakdown', 'chart-memory', 'chart-compare');
  const report = await api('/validate?type=training_step');
  renderFacts(report);
  const cases = table(report, 'cases');
  // the notes (what each case assumed) go to each row's tooltip: as a column they make rows tall
  const shown = { ...cases, columns: cases.columns.filter((c) => c.key !== 'notes') };
  renderTable($('plans'), shown);
  linkCaseIds($('plans'), shown);
  [...$('plans').tBodies[0].rows].forEach((tr, i) => { tr.title = cases.rows[i].notes || ''; });
  renderTable($('comparison'), table(report, 'summary'));
  chart('chart-scaling', {
    title: { text: 'Error of each prediction (%): (predicted - measured) / measured', textStyle: { fontSize: 13 } },
    tooltip: { trigger: 'axis' }, grid: { bottom: 170 },
    xAxis: { type: 'category', data: cases.rows.map((r) => r.id), axisLabel: { rotate: 60, fontSize: 9, interval: 0 } },
    yAxis: { type: 'value', name: '%' },
    series: [{ type: 'bar', data: cases.rows.map((r) => r.errorPercent) }],
  });
}

function linkCaseIds(element, t) {
  const column = t.columns.findIndex((c) => c.key === 'id');
  for (const row of element.tBodies[0].rows) {
    const cell = row.cells[column];
    const id = cell.textContent;
    const link = document.createElement('a');
    link.href = '#';
    link.textContent = id;
    link.dataset.case = id;
    link.onclick = (event) => { event.preventDefault(); act(() => oneCase(id)); };
    cell.replaceChildren(link);
  }
}

/** One published run in full: measured against predicted, where the predicted step goes, its memory. */
async function oneCase(id) {
  clearCharts('chart-scaling', 'chart-compare');
  const report = await api('/validate?case=' + encodeURIComponent(id));
  renderFacts(report);
  renderTable($('plans'), table(report, 'schedule'));
  // which operators the compute goes to, and the rate each was priced at
  renderTable($('comparison'), table(report, 'operators'));
  clearCharts('chart-breakdown', 'chart-memory');
  drawBreakdown(report);
  drawMemory(report);
}

async function act(action) {
  lastAction = action;
  $('error').hidden = true;
  document.querySelectorAll('button').forEach((b) => { b.disabled = true; });
  $('status').textContent = 'working…';
  const started = performance.now();
  try {
    await action();
    if ($('status').textContent === 'working…') {
      $('status').textContent = 'answered in ' + Math.round(performance.now() - started) + ' ms (catalog generation ' + generation + ')';
    }
  } catch (e) {
    $('error').textContent = e.message;
    $('error').hidden = false;
    $('status').textContent = '';
  } finally {
    document.querySelectorAll('button').forEach((b) => { b.disabled = false; });
  }
}

async function loadSystems() {
  const report = await api('/systems');
  for (const id of ['system', 'systemB']) {
    const select = $(id);
    const chosen = select.value;
    select.replaceChildren(new Option(id === 'system' ? "(the scenario's)" : '(none)', ''));
    for (const s of table(report, 'systems').rows) {
      const option = new Option(s.id + ' — ' + s.accelerators.toLocaleString() + ' × ' + s.part, s.id);
      option.dataset.devices = s.accelerators;
      select.add(option);
    }
    select.value = chosen;
  }
}

async function loadExamples() {
  const report = await api('/examples');
  const select = $('example');
  for (const e of table(report, 'examples').rows) select.add(new Option(e.name, e.id));
  select.onchange = async () => { $('scenario').value = await api('/examples/' + select.value); };
  if (select.options.length) await select.onchange();
}

function listen() {
  const events = new EventSource('/api/events');
  events.addEventListener('catalog', (event) => {
    const data = JSON.parse(event.data);
    const changed = generation !== null && data.generation !== generation;
    generation = data.generation;
    $('catalog').textContent = 'catalog generation ' + data.generation + ' · ' + data.systems + ' systems · '
      + data.parts + ' parts · ' + data.plugins.length + ' plugins';
    if (changed) {
      $('banner').textContent = 'The catalog changed (generation ' + data.generation + '): a definition or plugin was '
        + 'swapped. ' + (lastAction ? 'Results recomputed.' : '');
      $('banner').hidden = false;
      loadSystems().then(() => { if (lastAction) act(lastAction); });
    }
  });
  events.onerror = () => { $('catalog').textContent = 'catalog: reconnecting…'; };
}

window.addEventListener('DOMContentLoaded', async () => {
  $('plan').onclick = () => act(bestPlans);
  $('scaling').onclick = () => act(scalingCurve);
  $('compare').onclick = () => act(compareSystems);
  $('validate').onclick = () => act(validation);
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  listen();
  try {
    await Promise.all([loadSystems(), loadExamples()]);
    document.body.dataset.ready = 'true';
  } catch (e) {
    $('error').textContent = e.message;
    $('error').hidden = false;
  }
});
