// The admin's live monitor: a table and a chart kept up to date from the server's event stream
// (GET /admin/api/sessions/{code}/monitor, Server-Sent Events; EventSource reconnects by itself).
function ludusMonitor(code) {
  'use strict';
  var rows = document.getElementById('monitor-rows');
  var state = document.getElementById('monitor-state');
  var chart = null;
  var latest = null;
  var colors = ['#1f6feb', '#d1242f', '#1a7f37', '#9a6700', '#8250df', '#bf3989', '#0a7ea4', '#57606a'];

  function cell(tr, text, className) {
    var td = document.createElement('td');
    td.textContent = text == null ? '' : String(text);
    if (className) td.className = className;
    tr.appendChild(td);
    return td;
  }

  function seconds(arrivedAt) {
    if (arrivedAt == null) return '';
    var s = Math.max(0, Math.round((Date.now() - arrivedAt) / 1000));
    return s < 60 ? s + ' s' : Math.floor(s / 60) + ' min ' + (s % 60) + ' s';
  }

  function drawTable(snapshot) {
    var body = document.createDocumentFragment();
    snapshot.participants.forEach(function (p) {
      var tr = document.createElement('tr');
      tr.dataset.code = p.code;
      tr.className = 'status-' + p.status.replace(' ', '-');
      cell(tr, p.idInSession);
      cell(tr, p.code, 'code');
      cell(tr, p.label);
      cell(tr, p.app);
      cell(tr, p.round);
      cell(tr, p.page, 'page');
      cell(tr, p.status, 'status');
      cell(tr, p.connected ? 'yes' : 'no', 'connected');
      cell(tr, seconds(p.arrivedAt), 'time-on-page').dataset.arrivedAt = p.arrivedAt == null ? '' : p.arrivedAt;
      body.appendChild(tr);
    });
    rows.replaceChildren(body);
  }

  function drawChart(snapshot) {
    if (typeof Chart === 'undefined') return;
    var start = snapshot.messages.length ? snapshot.messages[0].t : Date.now();
    var bySeries = {};
    snapshot.messages.forEach(function (m) {
      (bySeries[m.series] = bySeries[m.series] || []).push({x: (m.t - start) / 1000, y: m.y});
    });
    var datasets = Object.keys(bySeries).sort().map(function (name, i) {
      var color = colors[i % colors.length];
      return {label: name, data: bySeries[name], borderColor: color, backgroundColor: color,
              showLine: true, stepped: true, pointRadius: 3};
    });
    if (!chart) {
      chart = new Chart(document.getElementById('live-chart'), {
        type: 'scatter', data: {datasets: datasets},
        options: {animation: false, scales: {x: {title: {display: true, text: 'seconds'}}, y: {beginAtZero: true}}}
      });
    } else {
      chart.data.datasets = datasets;
      chart.update();
    }
  }

  var events = new EventSource('/admin/api/sessions/' + encodeURIComponent(code) + '/monitor');
  events.addEventListener('snapshot', function (event) {
    latest = JSON.parse(event.data);
    window.ludusLatest = latest; // for tests and the console
    state.textContent = 'live';
    drawTable(latest);
    drawChart(latest);
  });
  events.onerror = function () { state.textContent = 'reconnecting…'; };
  // time on page ticks between snapshots
  setInterval(function () {
    document.querySelectorAll('#monitor-rows td.time-on-page').forEach(function (td) {
      if (td.dataset.arrivedAt) td.textContent = seconds(Number(td.dataset.arrivedAt));
    });
  }, 1000);
}

// No inline scripts or handlers on admin pages (their Content-Security-Policy has no 'unsafe-inline'):
// the monitor starts from its table's data-session, and forms with data-confirm ask before they are sent.
document.addEventListener('DOMContentLoaded', function () {
  'use strict';
  var monitor = document.getElementById('monitor');
  if (monitor && monitor.dataset.session) ludusMonitor(monitor.dataset.session);
  document.querySelectorAll('form[data-confirm]').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  });
});
