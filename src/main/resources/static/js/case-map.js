// The case map. On the report form the user drops a pin (click or tap, drag, or the browser's location) and the pin
// fills the longitude/latitude fields (and typing in the fields moves the pin); the grid outlines embedded in
// #case-map-grids are drawn, and the grid the server located the pin in is outlined in red. On the case page it shows
// where the case is. No tile layer unless one is configured (gongzhi.map.tile-url).
(function () {
  var el = document.getElementById('case-map');
  if (!el || typeof L === 'undefined') { return; }
  var script = document.getElementById('case-map-script');
  var map = L.map(el, { zoomSnap: 0.5 });
  var tileUrl = script && script.dataset.tileUrl;
  if (tileUrl) {
    L.tileLayer(tileUrl, { attribution: script.dataset.tileAttribution || '', maxZoom: 19 }).addTo(map);
  }
  L.control.scale({ imperial: false }).addTo(map);

  if (el.dataset.mode === 'view') {
    var at = L.latLng(parseFloat(el.dataset.lat), parseFloat(el.dataset.lng));
    L.marker(at, { keyboard: false, interactive: false }).addTo(map);
    map.setView(at, 16);
    el.dataset.ready = 'true';
    return;
  }

  var lng = document.getElementById('lng');
  var lat = document.getElementById('lat');
  var centre = (el.dataset.center || '39.9644,116.4180').split(',').map(Number);
  var marker = null;

  var LABEL_ZOOM = 16;
  var plain = { color: '#1565c0', weight: 1.5, opacity: 0.9, fillOpacity: 0.03, dashArray: '4 3' };
  var current = { color: '#c62828', weight: 3, opacity: 1, fillOpacity: 0.12, dashArray: null };
  var grids = {};
  var outlines = null;
  var currentCode = null;
  var gridsEl = document.getElementById('case-map-grids');
  var gridData = gridsEl && gridsEl.textContent.trim() ? JSON.parse(gridsEl.textContent) : null;
  if (gridData && gridData.features && gridData.features.length) {
    outlines = L.geoJSON(gridData, {
      interactive: false,
      style: function () { return plain; },
      onEachFeature: function (f, layer) {
        layer.bindTooltip(f.properties.name, { permanent: true, direction: 'center', className: 'gz-grid-label',
          interactive: false });
        grids[f.properties.code] = layer;
      }
    }).addTo(map);
    var help = document.getElementById('case-map-grids-help');
    if (help) { help.hidden = false; }
  }
  el.dataset.gridCount = String(Object.keys(grids).length);

  // Grid names only when zoomed in (they crowd a whole street), except the pin's grid.
  function labels() {
    var near = map.getZoom() >= LABEL_ZOOM;
    Object.keys(grids).forEach(function (code) {
      if (near || code === currentCode) { grids[code].openTooltip(); } else { grids[code].closeTooltip(); }
    });
  }

  function highlight(code) {
    if (currentCode && grids[currentCode]) { grids[currentCode].setStyle(plain); }
    currentCode = code && grids[code] ? code : null;
    if (currentCode) { grids[currentCode].setStyle(current).bringToFront(); }
    el.dataset.grid = currentCode || '';
    labels();
  }

  function fromLocated() {
    var located = document.getElementById('case-located-grid');
    highlight(located ? located.dataset.gridCode : null);
  }
  document.body.addEventListener('htmx:afterSettle', fromLocated);
  map.on('zoomend', labels);

  function place(latlng, pan) {
    if (!marker) {
      marker = L.marker(latlng, { draggable: true, title: el.dataset.pinLabel || '', alt: el.dataset.pinLabel || '' }).addTo(map);
      marker.on('dragend', function () { fill(marker.getLatLng()); });
    } else {
      marker.setLatLng(latlng);
    }
    if (pan) { map.panTo(latlng); }
  }

  function fill(latlng) {
    lng.value = latlng.lng.toFixed(6);
    lat.value = latlng.lat.toFixed(6);
    lng.dispatchEvent(new Event('change', { bubbles: true }));
  }

  function fromFields() {
    var x = parseFloat(lng.value);
    var y = parseFloat(lat.value);
    if (isFinite(x) && isFinite(y) && Math.abs(x) <= 180 && Math.abs(y) <= 90) {
      place(L.latLng(y, x), true);
      return true;
    }
    return false;
  }

  map.on('click', function (e) { place(e.latlng, false); fill(e.latlng); });
  lng.addEventListener('change', fromFields);
  lat.addEventListener('change', fromFields);
  if (fromFields()) {
    map.setView(marker.getLatLng(), 16);
  } else if (outlines && !outlines.getBounds().contains(L.latLng(centre[0], centre[1]))) {
    map.fitBounds(outlines.getBounds(), { padding: [10, 10] });
  } else {
    map.setView(L.latLng(centre[0], centre[1]), 15);
  }
  fromLocated();

  var locate = document.getElementById('case-geolocate');
  if (locate) {
    if (!navigator.geolocation) {
      locate.hidden = true;
    }
    locate.addEventListener('click', function () {
      navigator.geolocation.getCurrentPosition(function (pos) {
        var here = L.latLng(pos.coords.latitude, pos.coords.longitude);
        place(here, true);
        map.setView(here, 17);
        fill(here);
      }, function () {
        locate.textContent = locate.dataset.failed;
      }, { enableHighAccuracy: true, timeout: 10000 });
    });
  }
  el.dataset.ready = 'true';
})();
