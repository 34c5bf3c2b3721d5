/* KPI page charts (ECharts): monthly received/closed bars with the on-time closure and satisfaction rates, and the
   monthly trend of all seven rates. Data comes from the page (script#kpi-chart-data); re-drawn after htmx swaps. */
(function () {
  'use strict';

  var RATE_KEYS = ['responseRate', 'resolutionRate', 'satisfactionRate', 'closureRate', 'onTimeClosureRate',
    'reworkRate', 'extensionRate'];
  var charts = [];

  function percent(values) {
    return values.map(function (v) { return v === null || v === undefined ? null : Math.round(v * 1000) / 10; });
  }

  function percentAxis(name) {
    return { type: 'value', name: name, min: 0, max: 100, axisLabel: { formatter: '{value}%' } };
  }

  function draw() {
    charts.forEach(function (c) { c.dispose(); });
    charts = [];
    var holder = document.getElementById('kpi-chart-data');
    var volumeEl = document.getElementById('kpi-chart-volume');
    var ratesEl = document.getElementById('kpi-chart-rates');
    if (!holder || !volumeEl || !ratesEl || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.textContent);
    var l = data.labels;
    var tooltip = { trigger: 'axis' };

    var volume = echarts.init(volumeEl);
    volume.setOption({
      animationDuration: 300,
      tooltip: tooltip,
      legend: { top: 0 },
      grid: { left: 48, right: 56, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.months },
      yAxis: [{ type: 'value', name: l.counts, minInterval: 1 }, percentAxis(l.percent)],
      series: [
        { name: l.received, type: 'bar', data: data.received, itemStyle: { color: '#9e9e9e' } },
        { name: l.closed, type: 'bar', data: data.closed, itemStyle: { color: '#b71c1c' } },
        { name: l.onTimeClosureRate, type: 'line', yAxisIndex: 1, data: percent(data.rates.onTimeClosureRate),
          connectNulls: true },
        { name: l.satisfactionRate, type: 'line', yAxisIndex: 1, data: percent(data.rates.satisfactionRate),
          connectNulls: true }
      ]
    });
    volume.on('finished', function () { volumeEl.setAttribute('data-ready', 'true'); });
    charts.push(volume);

    var rates = echarts.init(ratesEl);
    rates.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis', valueFormatter: function (v) { return v === null || v === undefined ? '—' : v + '%'; } },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 24, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.months },
      yAxis: percentAxis(''),
      series: RATE_KEYS.map(function (k) {
        return { name: l[k], type: 'line', data: percent(data.rates[k]), connectNulls: true };
      })
    });
    rates.on('finished', function () { ratesEl.setAttribute('data-ready', 'true'); });
    charts.push(rates);
  }

  window.addEventListener('resize', function () { charts.forEach(function (c) { c.resize(); }); });
  document.addEventListener('htmx:afterSettle', draw);
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
