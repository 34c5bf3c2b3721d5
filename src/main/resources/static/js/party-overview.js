/* Party overview charts (ECharts): confirmed service hours and records of the last twelve months, and per community
   the active 双报到, post places filled and offered. Data comes from the page (script#overview-chart-data). */
(function () {
  'use strict';

  function draw() {
    var holder = document.getElementById('overview-chart-data');
    var monthsEl = document.getElementById('overview-chart-months');
    var communitiesEl = document.getElementById('overview-chart-communities');
    if (!holder || !monthsEl || !communitiesEl || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(holder.textContent);
    var l = data.labels;
    var months = echarts.init(monthsEl);
    months.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 48, top: 40, bottom: 32 },
      xAxis: { type: 'category', data: data.months },
      yAxis: [{ type: 'value', name: l.hours }, { type: 'value', name: l.records, minInterval: 1 }],
      series: [
        { name: l.hours, type: 'bar', data: data.hours.map(Number), itemStyle: { color: '#b71c1c' } },
        { name: l.records, type: 'line', yAxisIndex: 1, data: data.records }
      ]
    });
    months.on('finished', function () { monthsEl.setAttribute('data-ready', 'true'); });
    var communities = echarts.init(communitiesEl);
    communities.setOption({
      animationDuration: 300,
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 48, right: 16, top: 40, bottom: 48 },
      xAxis: { type: 'category', data: data.communities, axisLabel: { interval: 0, rotate: 20 } },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: l.reported, type: 'bar', data: data.reported, itemStyle: { color: '#b71c1c' } },
        { name: l.filled, type: 'bar', data: data.filled, itemStyle: { color: '#e57373' } },
        { name: l.headcount, type: 'bar', data: data.headcount, itemStyle: { color: '#9e9e9e' } },
        { name: l.projectsDone, type: 'line', data: data.projectsDone, itemStyle: { color: '#1565c0' } }
      ]
    });
    communities.on('finished', function () { communitiesEl.setAttribute('data-ready', 'true'); });
    window.addEventListener('resize', function () { months.resize(); communities.resize(); });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
