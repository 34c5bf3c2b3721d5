// Draws the grids embedded in the page (#gz-map-data) on a Leaflet map: polygons with their codes and workers,
// each clickable to its grid page. No tile layer unless one is configured (gongzhi.map.tile-url).
(function () {
  var el = document.getElementById('gz-map');
  var dataEl = document.getElementById('gz-map-data');
  if (!el || !dataEl || typeof L === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  var script = document.getElementById('gz-map-script');
  var map = L.map(el, { zoomSnap: 0.25, attributionControl: true });
  var tileUrl = script && script.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: script.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  var colours = ['#c62828', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#ad1457', '#4e342e', '#283593'];
  var bounds = null;
  if (data.boundary) {
    var outline = L.geoJSON(data.boundary, { style: { color: '#333', weight: 3, fill: false, dashArray: '6 4' } }).addTo(map);
    bounds = outline.getBounds();
  }
  var layer = L.geoJSON(data, {
    style: function (f) {
      var i = data.features.indexOf(f);
      return { color: colours[i % colours.length], weight: 2, fillOpacity: 0.18 };
    },
    onEachFeature: function (f, l) {
      var p = f.properties;
      var box = document.createElement('div');
      var a = document.createElement('a');
      a.href = p.url; a.textContent = p.name; a.className = 'fw-bold gz-grid-link';
      box.appendChild(a);
      var code = document.createElement('div'); code.textContent = p.code; box.appendChild(code);
      var w = document.createElement('div'); w.textContent = (p.workers && p.workers.length) ? p.workers.join('、') : '—';
      box.appendChild(w);
      l.bindPopup(box);
      l.bindTooltip(p.code.slice(-3) + ' ' + (p.workers && p.workers.length ? p.workers[0] : ''),
        { permanent: true, direction: 'center', className: 'gz-grid-label' });
      l.on('keypress', function () { window.location = p.url; });
    }
  }).addTo(map);
  var b = layer.getBounds();
  if (b.isValid()) { bounds = bounds ? bounds.extend(b) : b; }
  if (bounds) { map.fitBounds(bounds, { padding: [10, 10] }); } else { map.setView([39.96, 116.42], 14); }
  el.dataset.gridCount = String(data.features.length);
  el.dataset.ready = 'true';
})();
