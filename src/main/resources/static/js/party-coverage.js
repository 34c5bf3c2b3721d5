// The Party coverage map: the community's grids, red where a Party organisation reaches the grid, grey where the
// grid is a gap (空白点); each grid's label counts its buildings still unreached. Tiles only when configured.
(function () {
  var el = document.getElementById('coverage-map');
  var dataEl = document.getElementById('coverage-data');
  var script = document.getElementById('coverage-script');
  if (!el || !dataEl || typeof L === 'undefined') { return; }
  var data = JSON.parse(dataEl.textContent);
  var map = L.map(el, { zoomSnap: 0.25 });
  if (script && script.dataset.tileUrl) {
    L.tileLayer(script.dataset.tileUrl, { attribution: script.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  var gaps = 0;
  var layer = L.geoJSON(data, {
    style: function (f) {
      return f.properties.gap
        ? { color: '#616161', weight: 2, dashArray: '5 4', fillColor: '#9e9e9e', fillOpacity: 0.45 }
        : { color: '#b71c1c', weight: 2, fillColor: '#c62828', fillOpacity: f.properties.gapBuildings > 0 ? 0.2 : 0.4 };
    },
    onEachFeature: function (f, l) {
      var p = f.properties;
      if (p.gap) { gaps++; }
      var box = document.createElement('div');
      var a = document.createElement('a');
      a.href = p.url; a.textContent = p.name; a.className = 'fw-bold';
      box.appendChild(a);
      var line = document.createElement('div');
      line.textContent = p.gap ? (script.dataset.gapLabel || '') : (script.dataset.buildingsLabel || '') + ' ' + p.gapBuildings;
      box.appendChild(line);
      l.bindPopup(box);
      l.bindTooltip(p.code.slice(-3) + (p.gap ? ' ○' : (p.gapBuildings > 0 ? ' ' + p.gapBuildings : '')),
        { permanent: true, direction: 'center', className: 'gz-grid-label' });
    }
  }).addTo(map);
  var b = layer.getBounds();
  if (b.isValid()) { map.fitBounds(b, { padding: [10, 10] }); } else { map.setView([39.96, 116.42], 14); }
  el.dataset.gridCount = String(data.features.length);
  el.dataset.gapCount = String(gaps);
  el.dataset.ready = 'true';
})();
