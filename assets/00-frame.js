// The frame the index page paints while the scripts load (layouts/first_paint.py) gives way to
// the page once Dash has drawn it: removed, not hidden, when the navbar or page slot
// (layouts/ids.py NAVBAR, PAGE) gets its content, in the same task, so no frame is ever seen twice.
(function () {
  var FRAME = 'first-paint';
  var DRAWN = '#app-navbar > *, #app-page > *';
  function done() {
    var frame = document.getElementById(FRAME);
    if (!frame) { return true; }
    if (!document.querySelector(DRAWN)) { return false; }
    frame.parentNode.removeChild(frame);
    return true;
  }
  if (done() || !window.MutationObserver) { return; }
  var observer = new MutationObserver(function () { if (done()) { observer.disconnect(); } });
  observer.observe(document.documentElement, {childList: true, subtree: true});
})();
