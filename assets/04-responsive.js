// Phones: one map region at a time. Below 576 px the map draws one bloc as wide as the screen (CELAC
// or the EU, chosen with the region buttons; 04-responsive.css hides "CELAC and EU"). A map opened
// with both blocs switches to CELAC through the region control itself, so the address bar, the map
// and its table agree. Presenter mode (its own 1280 x 720 stage) and wider screens are left alone.
// The switch waits for the first map to be drawn whole: plotly.js draws a geo subplot once its
// shapes have arrived, with the figure it had then; a figure given meanwhile would be drawn first
// and then overwritten by that older one (half the width: the two-bloc layout).
(function () {
  var phone = window.matchMedia('(max-width: 575.98px)');
  var pending = false;

  function drawn() {
    var graph = document.getElementById('map-graph');
    var plot = graph && graph.querySelector('.js-plotly-plot');
    var full = plot && plot._fullLayout;
    var geos = (full && full._subplots && full._subplots.geo) || [];
    if (!geos.length || graph.closest('[data-dash-is-loading]')) { return false; }
    return geos.every(function (id) {
      var geo = full[id] && full[id]._subplot;
      return geo && geo.topojson !== null;  // null until its shapes arrived and it drew
    });
  }

  function oneRegion() {
    pending = false;
    if (!phone.matches || document.getElementById('present-bar')) { return; }
    var both = document.querySelector('#map-region input[value="both"]');
    if (!both || !both.checked || !drawn()) { return; }
    var celac = document.querySelector('#map-region input[value="celac"]');
    if (celac) { celac.click(); }
  }

  function soon() {
    if (!pending) { pending = true; window.requestAnimationFrame(oneRegion); }
  }

  new MutationObserver(soon).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['data-dash-is-loading'],
  });
  if (phone.addEventListener) { phone.addEventListener('change', soon); }
  soon();
})();
