// Presenter mode keys: → / Page Down / Space next view, ← / Page Up previous, Esc leaves,
// F full screen. They follow the links of the presenter bar (layouts/presenter.py), so a key
// does exactly what a click does. Links into presenter mode (.go-fullscreen) also go full screen.
(function () {
  var KEYS = {
    ArrowRight: 'present-next', PageDown: 'present-next', ' ': 'present-next',
    ArrowLeft: 'present-previous', PageUp: 'present-previous', Escape: 'present-exit',
  };
  function fullScreen() {
    var root = document.documentElement;
    if (!document.fullscreenElement && root.requestFullscreen) { root.requestFullscreen().catch(function () {}); }
  }
  document.addEventListener('keydown', function (event) {
    if (!document.getElementById('present-bar') || event.altKey || event.ctrlKey || event.metaKey) { return; }
    if (event.target.closest && event.target.closest('input, textarea, select, [contenteditable]')) { return; }
    if (event.key === 'f' || event.key === 'F') { fullScreen(); return; }
    var link = document.getElementById(KEYS[event.key]);
    if (link && link.tagName === 'A' && !link.classList.contains('disabled')) {
      event.preventDefault();
      link.click();
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
