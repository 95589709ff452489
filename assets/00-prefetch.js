// Start downloading the shapes a page's maps need while the app's own scripts load (the map asks
// for them only once Dash has drawn the page), and hand them to plotly.js's own store of shapes
// (window.PlotlyGeoAssets) so that it does not ask again: each file is fetched and parsed once.
// plotly.js fetches a trace's GeoJSON unless the store holds it under its URL, and the land
// outline unless the store holds it under its name (scope_resolution).
// The URLs are the ones dashboard/urls.py serves (tests/unit/test_prefetch.py checks them).
(function () {
  var TOPOJSON = '/assets/topojson/world_110m.json';
  var TOPOJSON_NAME = 'world_110m';
  var MEMBERS = '/geometry/members.geojson';
  var WORLD = '/geometry/world.geojson';
  var BY_PAGE = {
    '': [TOPOJSON, MEMBERS],
    map: [TOPOJSON, MEMBERS],
    corridors: [TOPOJSON, MEMBERS, WORLD],
  };
  var parts = window.location.pathname.split('/').filter(Boolean);
  var page = parts[0] === 'embed' ? (parts[1] || '') : (parts[0] || '');
  var urls = BY_PAGE[page] || [];
  if (!window.fetch || !urls.length) { return; }
  var store = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
  store.topojson = store.topojson || {};
  function load(url) {
    return window.fetch(url, {credentials: 'same-origin'}).then(function (response) {
      if (!response.ok) { throw new Error(url + ': ' + response.status); }
      return response.json();
    });
  }
  // Handed over only once parsed: plotly.js takes a 'pending' mark as a promise it gives up on
  // after five seconds, which a slow network must never turn into a broken map. If it plots
  // first, it fetches the file itself, from the HTTP cache this download fills.
  urls.forEach(function (url) {
    load(url).then(function (data) {
      if (url === TOPOJSON) {
        if (store.topojson[TOPOJSON_NAME] === undefined) { store.topojson[TOPOJSON_NAME] = data; }
      } else if (store[url] === undefined) {
        store[url] = data;
      }
    }).catch(function () {});
  });
})();
