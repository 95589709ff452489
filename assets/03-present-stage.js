// Presenter stage. While presenting (the presenter bar #present-bar is on the page), the app's
// frame (#app-frame: the bar and the page) is laid out in a design box at least 1280 x 720 px
// and as large as the window's shape allows, then scaled to fill the window with a CSS
// transform from the top left: k = min(width / 1280, height / 720), box = window / k.
// A view that fits 1280 x 720 therefore fits every screen, and at 1920 x 1080 (k = 1.5) every
// text and chart is half as large again. assets/02-puentes.css lays the box out
// (.present-stage-on); the charts take their boxes' size: dcc.Graph watches its box with a
// ResizeObserver (layout size, which a transform leaves alone) and plotly.js reads its
// pointer positions through the transform, so hover and clicks stay right. `zoom` would not.
(function () {
  var WIDTH = 1280;
  var HEIGHT = 720;
  var shown = null;  // the box last set: "k width height", or "" when not presenting

  function fit() {
    var frame = document.getElementById('app-frame');
    if (!frame) { return; }
    var root = document.documentElement;
    var on = !!document.getElementById('present-bar');
    var w = window.innerWidth;  // no scroll bar while presenting; reading these forces no layout
    var h = window.innerHeight;
    var k = Math.min(w / WIDTH, h / HEIGHT);
    var box = on ? [k, w / k, h / k].join(' ') : '';
    if (box === shown) { return; }
    shown = box;
    root.classList.toggle('present-stage-on', on);
    if (!on) {
      ['--stage-k', '--stage-width', '--stage-height'].forEach(function (name) { frame.style.removeProperty(name); });
      return;
    }
    frame.style.setProperty('--stage-k', String(k));
    frame.style.setProperty('--stage-width', (w / k) + 'px');
    frame.style.setProperty('--stage-height', (h / k) + 'px');
  }

  var queued = false;
  function soon() {  // once per frame, however many nodes a chart adds
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; fit(); });
  }
  window.addEventListener('resize', fit);
  // The bar comes and goes with the page (a dcc.Link into or out of presenter mode).
  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener('DOMContentLoaded', fit);
  fit();
})();
