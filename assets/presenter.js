// Presenter mode keys: → / Page Down / Space next view, ← / Page Up previous, Esc leaves,
// F full screen. They follow the links of the presenter bar (layouts/presenter.py), so a key
// goes where a click goes. Links into presenter mode (.go-fullscreen) also go full screen.
//
// The screen is the one source of truth for the current step: key presses wait in a queue and
// each is taken from the bar on screen once the previous step has rendered, so a clicker's
// double-tap advances two steps, each shown. A step change whose request fails (network down)
// puts the address back on the step the screen shows, says "reconnecting…" (the bar's
// translated #present-status) and is tried again until it renders.
(function () {
  var KEYS = {
    ArrowRight: 'present-next', PageDown: 'present-next', ' ': 'present-next',
    ArrowLeft: 'present-previous', PageUp: 'present-previous',
  };
  var RETRY_MS = 1500;  // between attempts while the network is down
  var TIMEOUT_MS = 20000;  // a step that neither renders nor fails in this time is tried again
  var QUIET_MS = 150;  // no callback in flight for this long: the page has finished drawing
  var inFlight = 0;
  var quietSince = 0;
  var queue = [];  // link ids, oldest first
  var pending = null;  // {from, to, count, timer}

  function fullScreen() {
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
  }
  function here() { return window.location.pathname + window.location.search; }
  function countText() {
    var count = document.getElementById('present-count');
    return count ? count.textContent : null;
  }
  function settled() {
    // The bar on screen is complete: the basket's count is filled in by a callback, and a link's
    // new href may reach the page a moment after the count.
    var count = countText();
    if (count === null || count.indexOf('…') >= 0) { return false; }
    // The page's own callbacks have answered (a page may rewrite the address as it draws).
    if (inFlight > 0 || Date.now() - quietSince < QUIET_MS) { return false; }
    return ['present-next', 'present-previous'].every(function (id) {
      var link = document.getElementById(id);
      return !link || link.tagName !== 'A' || link.classList.contains('disabled') || link.getAttribute('href') !== here();
    });
  }
  function status(shown) {
    var element = document.getElementById('present-status');
    if (element) { element.hidden = !shown; }
  }
  function go(address) {  // what dcc.Link does: the address, then dcc.Location renders it
    window.history.pushState({}, '', address);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  }
  function attempt() {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(failed, TIMEOUT_MS);
    quietSince = Date.now();
    go(pending.to);
  }
  // The page still drawing the previous step may write its own address over the step asked for
  // (dropping that request): once all is quiet and the step has not come, ask again.
  setInterval(function () {
    if (!pending || pending.retrying || here() === pending.to || countText() !== pending.count) { return; }
    if (inFlight === 0 && Date.now() - quietSince >= QUIET_MS) { attempt(); }
  }, 250);
  function failed() {
    if (!pending) { return; }
    clearTimeout(pending.timer);
    // Never a half-changed view: the address goes back to the step the screen shows.
    window.history.replaceState({}, '', pending.from);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
    status(true);
    pending.retrying = true;
    pending.timer = setTimeout(function () {
      if (pending) { pending.retrying = false; attempt(); }
    }, RETRY_MS);
  }
  function next() {
    if (pending || !queue.length || !document.getElementById('present-bar')) { return; }
    if (!settled()) { setTimeout(next, 50); return; }
    var link = document.getElementById(queue.shift());
    if (!link || link.tagName !== 'A' || link.classList.contains('disabled')) { next(); return; }
    var to = link.getAttribute('href');
    if (to === here()) { next(); return; }
    pending = {from: here(), to: to, count: countText(), timer: null, retrying: false};
    attempt();
  }
  function rendered() {
    if (!pending) { return; }
    var count = countText();
    if (count === null || count === pending.count) { return; }
    if (!settled()) { setTimeout(rendered, 50); return; }
    clearTimeout(pending.timer);
    pending = null;
    status(false);
    next();
  }
  new MutationObserver(rendered).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

  // Dash reports nothing when a request cannot reach the server: notice it here.
  var fetchBefore = window.fetch;
  window.fetch = function (resource) {
    var answer = fetchBefore.apply(this, arguments);
    var url = typeof resource === 'string' ? resource : (resource && resource.url) || '';
    if (url.indexOf('_dash-update-component') >= 0) {
      inFlight += 1;
      var done = function () { inFlight -= 1; quietSince = Date.now(); };
      answer.then(function (response) {
        done();
        if (!response.ok && response.status >= 500) { failed(); }
      }, function () { done(); failed(); });
    }
    return answer;
  };

  document.addEventListener('keydown', function (event) {
    if (!document.getElementById('present-bar') || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.target.closest && event.target.closest('input, textarea, select, [contenteditable]')) { return; }
    if (event.key === 'f' || event.key === 'F') { fullScreen(); return; }
    if (event.key === 'Escape') {
      var exit = document.getElementById('present-exit');
      if (exit) {
        event.preventDefault();
        queue = [];
        if (pending) { clearTimeout(pending.timer); pending = null; }
        exit.click();
      }
      return;
    }
    if (KEYS[event.key]) {
      event.preventDefault();
      queue.push(KEYS[event.key]);
      next();
    }
  });
  document.addEventListener('click', function (event) {
    var start = event.target.closest && event.target.closest('.go-fullscreen');
    if (start) { fullScreen(); return; }
    if (event.target.closest && event.target.closest('#present-exit') && document.fullscreenElement) {
      document.exitFullscreen().catch(function () {});
    }
  });
})();
