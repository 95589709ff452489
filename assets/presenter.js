// Presenter mode keys: → / Page Down / Space next view, ← / Page Up previous, Esc leaves,
// F full screen. They follow the links of the presenter bar (layouts/presenter.py), so a key
// goes where a click goes. Links into presenter mode (.go-fullscreen) also go full screen.
//
// The screen is the one source of truth for the current step: key presses wait in a queue and
// each is taken from the bar on screen once the previous step has rendered, so a clicker's
// double-tap advances two steps, each shown. A step change whose request fails (network down)
// is tried again until it renders, and says so on screen ("reconnecting…", the bar's translated
// #present-status):
// - the steps of a story or of the basket are saved as the presenter goes (the one shown and
//   the next, as the step counter names them in data-saved: number, count, address, payload
//   URL; the payload is the offline file's, drawn by its player, /offline/player.js): a saved
//   step shows at once, from its copy, over the page (#present-saved, saying so), the address on
//   that step, and further presses move through the saved steps; the live page takes over once
//   the network is back;
// - a step not saved leaves the screen and the address on the step shown (never a half-changed
//   view) and the press waits its turn.
(function () {
  var KEYS = {
    ArrowRight: 'present-next', PageDown: 'present-next', ' ': 'present-next',
    ArrowLeft: 'present-previous', PageUp: 'present-previous',
  };
  var RETRY_MS = 1500;  // between attempts while the network is down
  var TIMEOUT_MS = 20000;  // a step that neither renders nor fails in this time is tried again
  var QUIET_MS = 150;  // no callback in flight for this long: the page has finished drawing
  var SLIDE_WIDTH = 1280;
  var SLIDE_HEIGHT = 720;
  var inFlight = 0;
  var quietSince = 0;
  var queue = [];  // link ids, oldest first
  var pending = null;  // {from, to, number, timer, retrying}
  var saved = {};  // "story lang" -> {step number: {number, count, address, payload}}
  var savedShown = null;  // the step number the saved copy shows, or null

  function fullScreen() {
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
  }
  function here() { return window.location.pathname + window.location.search; }
  function countText() {
    var count = document.getElementById('present-count');
    return count ? count.textContent : null;
  }
  function shownNumber() {  // the step the screen shows: the saved copy's, else the bar's
    if (savedShown !== null) { return savedShown; }
    var text = countText();
    var number = text ? parseInt(text, 10) : NaN;
    return isNaN(number) ? null : number;
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
    if (address === here()) {
      window.history.replaceState({}, '', address);
    } else {
      window.history.pushState({}, '', address);
    }
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
  }

  // --- saved steps ---------------------------------------------------------------------------
  function savedKey(bar) { return (bar.getAttribute('data-story') || '') + ' ' + (bar.getAttribute('data-lang') || ''); }
  function savedSteps() {
    var bar = document.getElementById('present-bar');
    return bar ? (saved[savedKey(bar)] = saved[savedKey(bar)] || {}) : {};
  }
  function loadPlayer(bar) {
    if (document.getElementById('present-player')) { return; }
    var style = document.createElement('link');
    style.rel = 'stylesheet';
    style.href = bar.getAttribute('data-player-css');
    document.head.appendChild(style);
    var script = document.createElement('script');
    script.id = 'present-player';
    script.src = bar.getAttribute('data-player');
    document.head.appendChild(script);
  }
  function save() {  // the step shown and the next, fetched once each while the network is up
    var bar = document.getElementById('present-bar');
    var counter = document.getElementById('present-count');
    var wanted = bar && counter && counter.getAttribute('data-saved');
    if (!wanted) { return; }
    var entries = JSON.parse(wanted);
    if (!entries.length) { return; }
    loadPlayer(bar);
    var steps = savedSteps();
    entries.forEach(function (entry) {
      var known = steps[entry.number];
      if (known && known.address === entry.address) { return; }
      var step = steps[entry.number] = {number: entry.number, count: entry.count, address: entry.address, payload: null};
      window.fetch(entry.url, {credentials: 'same-origin'}).then(function (response) {
        if (!response.ok) { throw new Error(response.status); }
        return response.json();
      }).then(function (payload) { step.payload = payload; }, function () {
        if (steps[entry.number] === step) { delete steps[entry.number]; }
      });
    });
  }
  function savedStep(number) {  // {number, count, address, payload}, once its payload is here
    var step = savedSteps()[number];
    return step && step.payload && window.PuentesPlayer ? step : null;
  }
  function fit(stage) {
    var scale = Math.min(window.innerWidth / SLIDE_WIDTH, window.innerHeight / SLIDE_HEIGHT);
    var left = (window.innerWidth - SLIDE_WIDTH * scale) / 2;
    var top = (window.innerHeight - SLIDE_HEIGHT * scale) / 2;
    stage.style.transform = 'translate(' + left + 'px, ' + top + 'px) scale(' + scale + ')';
  }
  function showSaved(step) {
    var layer = document.getElementById('present-saved');
    if (!layer) {
      layer = document.createElement('div');
      layer.id = 'present-saved';
      layer.className = 'present-saved';
      layer.innerHTML = '<div class="pp-stage"><div class="pp-bar"><span class="pp-story"></span>'
        + '<span class="pp-count" id="present-saved-count"></span></div><div class="pp-slide-box"></div></div>';
      document.body.appendChild(layer);
    }
    var note = document.getElementById('present-saved-note');
    layer.querySelector('.pp-story').textContent = note ? note.textContent : '';
    layer.querySelector('.pp-count').textContent = step.number + ' / ' + step.count;
    layer.hidden = false;
    fit(layer.querySelector('.pp-stage'));
    savedShown = step.number;
    var bar = document.getElementById('present-bar');
    var options = {locale: bar && bar.getAttribute('data-plotly-locale')};
    window.PuentesPlayer.render(layer.querySelector('.pp-slide-box'), step.payload, options).catch(function () {});
  }
  function hideSaved() {
    var layer = document.getElementById('present-saved');
    if (layer) { layer.hidden = true; }
    savedShown = null;
  }
  window.addEventListener('resize', function () {
    var layer = document.getElementById('present-saved');
    if (layer && !layer.hidden) { fit(layer.querySelector('.pp-stage')); }
  });

  // --- step changes --------------------------------------------------------------------------
  function attempt() {
    clearTimeout(pending.timer);
    pending.timer = setTimeout(failed, TIMEOUT_MS);
    quietSince = Date.now();
    go(pending.to);
  }
  function arrived() {  // the page shows the step asked for
    var text = countText();
    return text !== null && parseInt(text, 10) === pending.number;
  }
  // The page still drawing the previous step may write its own address over the step asked for
  // (dropping that request): once all is quiet and the step has not come, ask again.
  setInterval(function () {
    if (!pending || pending.retrying || here() === pending.to || arrived()) { return; }
    if (inFlight === 0 && Date.now() - quietSince >= QUIET_MS) { attempt(); }
  }, 250);
  function failed() {
    if (!pending) { return; }
    clearTimeout(pending.timer);
    // Never a half-changed view: the page goes back to the step it shows...
    window.history.replaceState({}, '', pending.from);
    window.dispatchEvent(new CustomEvent('_dashprivate_pushstate'));
    var copy = savedStep(pending.number);
    if (copy) {
      // ...and a saved step is shown from its copy, the address on it (the page asks again).
      showSaved(copy);
      window.history.replaceState({}, '', pending.to);
    }
    status(true);
    pending.retrying = true;
    pending.timer = setTimeout(function () {
      if (pending) { pending.retrying = false; attempt(); }
    }, RETRY_MS);
    if (copy) { next(); }
  }
  function target(linkId) {
    // While a saved copy is shown, the bar on screen is the copy's: its neighbours are saved steps.
    if (savedShown !== null) {
      var number = savedShown + (linkId === 'present-next' ? 1 : -1);
      var copy = savedStep(number);
      return copy ? {to: copy.address, number: number, copy: copy} : null;
    }
    var link = document.getElementById(linkId);
    if (!link || link.tagName !== 'A' || link.classList.contains('disabled')) { return {skip: true}; }
    var to = link.getAttribute('href');
    if (to === here()) { return {skip: true}; }
    return {to: to, number: shownNumber() + (linkId === 'present-next' ? 1 : -1)};
  }
  function next() {
    if (!queue.length || !document.getElementById('present-bar')) { return; }
    if (pending && savedShown === null) { return; }
    if (!pending && !settled()) { setTimeout(next, 50); return; }
    var step = target(queue[0]);
    if (step === null) {  // the next saved step is missing: the press waits for the network
      return;
    }
    queue.shift();
    if (step.skip) { next(); return; }
    if (step.copy) {  // from one saved copy to the next; the page is asked for that step
      showSaved(step.copy);
      window.history.replaceState({}, '', step.to);
      pending.to = step.to;
      pending.number = step.number;
      next();
      return;
    }
    pending = {from: here(), to: step.to, number: step.number, timer: null, retrying: false};
    attempt();
  }
  function rendered() {
    if (!pending || !arrived()) { return; }
    if (!settled()) { setTimeout(rendered, 50); return; }
    clearTimeout(pending.timer);
    pending = null;
    hideSaved();
    status(false);
    save();
    next();
  }
  new MutationObserver(function () {
    rendered();
    if (!pending) { save(); }
  }).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

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
        hideSaved();
        status(false);
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
