// Start downloading the shapes a page's maps need while the app's own scripts load: the map
// asks for them only once Dash has rendered the page, and then finds them in the HTTP cache.
// The URLs are the ones dashboard/urls.py serves (tests/unit/test_prefetch.py checks them).
(function () {
  var TOPOJSON = '/assets/topojson/world_110m.json';
  var MEMBERS = '/geometry/members.geojson';
  var WORLD = '/geometry/world.geojson';
  var BY_PAGE = {
    '': [TOPOJSON, MEMBERS],
    map: [TOPOJSON, MEMBERS],
    corridors: [TOPOJSON, MEMBERS, WORLD],
  };
  var parts = window.location.pathname.split('/').filter(Boolean);
  var page = parts[0] === 'embed' ? (parts[1] || '') : (parts[0] || '');
  (BY_PAGE[page] || []).forEach(function (url) {
    if (window.fetch) { window.fetch(url, {credentials: 'same-origin'}).catch(function () {}); }
  });
})();
