// The offline presentation's player (dashboard/offline/page.py inlines it; nothing is fetched).
// PuentesPlayer.render(container, step) draws one step payload (see dashboard/offline/__init__.py)
// into a container with window.Plotly; the live app can reuse it for prefetched steps. In the file
// itself it also runs the slideshow: the app presenter's keys (→ PageDown Space next, ← PageUp
// previous, F full screen, Esc leaves it), each press queued and shown in turn; "#n" names a step.
(function () {
  'use strict';
  var SLIDE_WIDTH = 1280;
  var SLIDE_HEIGHT = 720;
  var shapes = {};  // shape URL -> GeoJSON, from the file

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // The file's shapes: the base map's topojson where plotly.js looks before fetching it, and the
  // app's GeoJSON by the URL the figures name (put in the traces' place by resolve()).
  function useShapes(geo) {
    var assets = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};
    assets.topojson = assets.topojson || {};
    Object.keys(geo.topojson || {}).forEach(function (name) { assets.topojson[name] = geo.topojson[name]; });
    Object.keys(geo.geojson || {}).forEach(function (url) { shapes[url] = geo.geojson[url]; });
  }

  function resolve(figure) {
    var data = (figure.data || []).map(function (trace) {
      if (typeof trace.geojson === 'string' && shapes[trace.geojson]) {
        return Object.assign({}, trace, {geojson: shapes[trace.geojson]});
      }
      return trace;  // a URL: plotly.js uses the shape it already holds, or fetches it (live app)
    });
    return {data: data, layout: Object.assign({}, figure.layout || {})};
  }

  // Draw one step payload into container; resolves once the chart is drawn.
  function render(container, step, options) {
    options = options || {};
    var old = container.querySelector('.pp-chart');
    if (old && window.Plotly) { window.Plotly.purge(old); }
    container.textContent = '';
    var slide = element('div', 'pp-slide');
    slide.setAttribute('data-step', String(step.number));
    slide.appendChild(element('h1', 'pp-title', step.title));
    if (step.note) { slide.appendChild(element('p', 'pp-note', step.note)); }
    if (step.heading || step.subtitle) {
      var caption = element('p', 'pp-caption');
      caption.appendChild(element('b', '', step.heading));
      if (step.heading && step.subtitle) { caption.appendChild(document.createTextNode(' · ')); }
      caption.appendChild(document.createTextNode(step.subtitle || ''));
      slide.appendChild(caption);
    }
    var chart = element('div', 'pp-chart');
    if (step.figure) { slide.appendChild(chart); }
    slide.appendChild(element('p', 'pp-message', step.message));
    var foot = element('div', 'pp-foot');
    if (step.source) { foot.appendChild(element('p', 'pp-source', step.source)); }
    if (step.permalink) {
      var link = element('a', 'pp-permalink', step.permalink);
      link.href = step.permalink;
      if (options.permalinkLabel) { link.title = options.permalinkLabel; }
      foot.appendChild(link);
    }
    slide.appendChild(foot);
    container.appendChild(slide);
    if (!step.figure || !window.Plotly) { return Promise.resolve(); }
    var figure = resolve(step.figure);
    figure.layout.width = chart.clientWidth;
    figure.layout.height = chart.clientHeight;
    var config = {displayModeBar: false, displaylogo: false, responsive: false, scrollZoom: false};
    if (options.locale) { config.locale = options.locale; }
    return window.Plotly.newPlot(chart, figure.data, figure.layout, config);
  }

  window.PuentesPlayer = {render: render, useShapes: useShapes};

  // --- the file's own slideshow ----------------------------------------------------------------
  var source = document.getElementById('puentes-offline');
  if (!source) { return; }
  var file = JSON.parse(source.textContent);
  var geo = document.getElementById('puentes-shapes');
  if (geo) { useShapes(JSON.parse(geo.textContent)); }
  var steps = file.steps;
  var stage = document.getElementById('pp-stage');
  var box = document.getElementById('pp-slide');
  var count = document.getElementById('pp-count');
  var previous = document.getElementById('pp-previous');
  var next = document.getElementById('pp-next');
  var current = -1;
  var busy = false;
  var presses = [];  // +1 / -1, oldest first: a double-tap advances two steps, each shown

  function fit() {
    var scale = Math.min(window.innerWidth / SLIDE_WIDTH, window.innerHeight / SLIDE_HEIGHT);
    var left = (window.innerWidth - SLIDE_WIDTH * scale) / 2;
    var top = (window.innerHeight - SLIDE_HEIGHT * scale) / 2;
    stage.style.transform = 'translate(' + left + 'px, ' + top + 'px) scale(' + scale + ')';
  }

  function show(index) {
    current = index;
    count.textContent = (index + 1) + ' / ' + steps.length;
    previous.disabled = index === 0;
    next.disabled = index === steps.length - 1;
    try { window.history.replaceState(null, '', '#' + (index + 1)); } catch (e) { /* some file:// */ }
    var options = {locale: file.plotlyLocale, permalinkLabel: file.labels.permalink};
    return render(box, steps[index], options);
  }

  function work() {
    if (busy || !presses.length) { return; }
    var target = Math.max(0, Math.min(steps.length - 1, current + presses.shift()));
    if (target === current) { work(); return; }
    busy = true;
    show(target).catch(function () { /* the words are shown; the chart's error is plotly's */ })
      .then(function () { busy = false; work(); });
  }

  function press(delta) { presses.push(delta); work(); }

  function fullScreen() {
    var root = document.documentElement;
    if (document.fullscreenElement) {
      if (document.exitFullscreen) { document.exitFullscreen().catch(function () {}); }
    } else if (root.requestFullscreen) {
      root.requestFullscreen().catch(function () {});
    }
  }

  var KEYS = {ArrowRight: 1, PageDown: 1, ' ': 1, Spacebar: 1, ArrowLeft: -1, PageUp: -1};
  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.altKey || event.metaKey) { return; }
    if (Object.prototype.hasOwnProperty.call(KEYS, event.key)) {
      event.preventDefault();
      press(KEYS[event.key]);
    } else if (event.key === 'f' || event.key === 'F') {
      event.preventDefault();
      fullScreen();
    } else if (event.key === 'Escape' && document.fullscreenElement && document.exitFullscreen) {
      document.exitFullscreen().catch(function () {});
    }
  });
  [previous, next, document.getElementById('pp-fullscreen')].forEach(function (button) {
    // Clicked, a button takes no focus: Space stays "next", never a second click on it.
    button.addEventListener('mousedown', function (event) { event.preventDefault(); });
  });
  previous.addEventListener('click', function () { press(-1); });
  next.addEventListener('click', function () { press(1); });
  document.getElementById('pp-fullscreen').addEventListener('click', fullScreen);
  window.addEventListener('resize', fit);
  fit();
  var asked = parseInt((window.location.hash || '').slice(1), 10);
  var first = asked >= 1 && asked <= steps.length ? asked - 1 : 0;
  busy = true;
  show(first).catch(function () {}).then(function () { busy = false; work(); });
}());
