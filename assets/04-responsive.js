// Phones: one map region at a time. Below 576 px the map draws one bloc as wide as the screen (CELAC
// or the EU, chosen with the region buttons; 04-responsive.css hides "CELAC and EU"). A map opened
// with both blocs switches to CELAC through the region control itself, so the address bar, the map
// and its table agree. Presenter mode (its own 1280 x 720 stage) and wider screens are left alone.
(function () {
  var phone = window.matchMedia('(max-width: 575.98px)');
  var pending = false;

  function oneRegion() {
    pending = false;
    if (!phone.matches || document.getElementById('present-bar')) { return; }
    var both = document.querySelector('#map-region input[value="both"]');
    if (!both || !both.checked) { return; }
    var celac = document.querySelector('#map-region input[value="celac"]');
    if (celac) { celac.click(); }
  }

  function soon() {
    if (!pending) { pending = true; window.requestAnimationFrame(oneRegion); }
  }

  new MutationObserver(soon).observe(document.documentElement, { childList: true, subtree: true });
  if (phone.addEventListener) { phone.addEventListener('change', soon); }
  soon();
})();
