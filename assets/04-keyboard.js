// Keyboard and screen-reader repairs of the Dash 4 and dash-bootstrap-components widgets the pages
// use (issue 18), applied to whatever the page draws (a MutationObserver: callbacks redraw them):
//  - dropdowns: Tab reaches the labelled button itself, not an aria-hidden input in front of it,
//    the button is named by its visible <label> before its value, and the open list is a named
//    dialog holding a named group of checkboxes or radio buttons (not "options" wrapping inputs);
//  - sliders: each thumb (and each number box beside it) is named by its wrapper's `data-thumbs`
//    (a JSON list of translated names, layouts/a11y.py) or by the slider's <label for>;
//  - year sliders (class `year-steps`): arrow keys step through the years that have data — the
//    marks when the slider has no step, else the years of the store named by `data-years-store` —
//    and commit each step (Radix steps by min..max / 100 and commits values the thumb never shows);
//  - tables (dash_table.DataTable): the sort icons are buttons named by their column (Enter or Space
//    sorts), and the sorted column says so (aria-sort);
//  - tabs (dbc.Tabs): unique ids, aria-controls/aria-selected, one tab in the Tab order (the active
//    one), arrow keys / Home / End move between tabs and open them.
(function () {
  'use strict';

  function byId(id) { return id ? document.getElementById(id) : null; }

  function setAttr(el, name, value) {
    if (el.getAttribute(name) !== value) { el.setAttribute(name, value); }
  }

  function labelOf(id) {
    var label = id && document.querySelector('label[for="' + CSS.escape(id) + '"]');
    if (label && !label.id) { label.id = id + '-label'; }
    return label;
  }

  function placeholderOf(id) {
    var api = window.dash_component_api;
    var layout = api && api.getLayout && api.getLayout(id);
    return (layout && layout.props && layout.props.placeholder) || '';
  }

  function dropdowns() {
    document.querySelectorAll('.dash-dropdown-focus-target').forEach(function (input) {
      var button = input.nextElementSibling;
      if (input.tabIndex !== -1) { input.tabIndex = -1; }
      if (!button || button.tagName !== 'BUTTON') { return; }
      if (button.tabIndex !== 0) { button.tabIndex = 0; }
      var label = labelOf(button.id);
      // Its label, then what it shows as it shows it (value, "2 selected"); the clear cross (not
      // focusable: "Deselect all" in the list does the same) is left out of the name.
      setAttr(button, 'aria-labelledby', (label ? label.id + ' ' : '') + button.id);
      button.querySelectorAll('.dash-dropdown-clear').forEach(function (cross) {
        setAttr(cross, 'aria-hidden', 'true');
      });
      var content = input.parentNode.querySelector('.dash-dropdown-content');
      if (!content) { return; }
      // The open list: a dialog named like its dropdown, holding a group of checkboxes (or radio
      // buttons) rather than "options" that wrap focusable inputs.
      var name = label ? label.textContent.trim() : placeholderOf(button.id);
      if (name) { setAttr(content, 'aria-label', name); }
      content.querySelectorAll('.dash-options-list[role="listbox"]').forEach(function (list) {
        setAttr(list, 'role', 'group');
      });
      content.querySelectorAll('.dash-options-list').forEach(function (list) {
        if (name) { setAttr(list, 'aria-label', name); }
      });
      content.querySelectorAll('label[role="option"], label[aria-selected]').forEach(function (option) {
        option.removeAttribute('role');
        option.removeAttribute('aria-selected');
      });
    });
  }

  function thumbNames(container) {
    var holder = container.closest('[data-thumbs]');
    if (holder) {
      try { return JSON.parse(holder.getAttribute('data-thumbs')); } catch (e) { return []; }
    }
    var label = labelOf(container.id);
    return label ? [label.textContent.trim()] : [];
  }

  function sliders() {
    document.querySelectorAll('.dash-slider-container').forEach(function (container) {
      var names = thumbNames(container);
      if (!names.length) { return; }
      var thumbs = container.querySelectorAll('[role="slider"]');
      thumbs.forEach(function (thumb, i) { setAttr(thumb, 'aria-label', names[Math.min(i, names.length - 1)]); });
      var boxes = container.querySelectorAll('input.dash-range-slider-input');
      boxes.forEach(function (box) {
        var last = box.classList.contains('dash-range-slider-max-input') && boxes.length > 1 ? 1 : 0;
        setAttr(box, 'aria-label', names[Math.min(last, names.length - 1)]);
      });
    });
  }

  function tabs() {
    document.querySelectorAll('[role="tablist"].nav-tabs').forEach(function (list) {
      var content = list.nextElementSibling;
      var panes = content ? content.querySelectorAll(':scope > [role="tabpanel"]') : [];
      list.querySelectorAll('[role="tab"]').forEach(function (tab, i) {
        var active = tab.classList.contains('active');
        setAttr(tab, 'id', (list.id || 'tabs') + '-tab-' + i);
        setAttr(tab, 'aria-selected', active ? 'true' : 'false');
        setAttr(tab, 'tabindex', active ? '0' : '-1');
        var pane = panes.length === list.querySelectorAll('[role="tab"]').length ? panes[i] : (active ? panes[0] : null);
        if (pane) {
          setAttr(pane, 'id', (list.id || 'tabs') + '-pane-' + i);
          setAttr(pane, 'aria-labelledby', tab.id);
          setAttr(tab, 'aria-controls', pane.id);
        } else if (tab.hasAttribute('aria-controls')) {
          tab.removeAttribute('aria-controls');
        }
      });
    });
  }

  var SORTS = {sort: 'none', 'sort-up': 'ascending', 'sort-down': 'descending'};

  function tables() {  // dash_table.DataTable: its sort icons as buttons, the sorted column said
    document.querySelectorAll('.dash-spreadsheet .column-header--sort').forEach(function (sort) {
      var th = sort.closest('th');
      var name = th && th.querySelector('.column-header-name');
      setAttr(sort, 'role', 'button');
      setAttr(sort, 'tabindex', '0');
      if (name) { setAttr(sort, 'aria-label', name.textContent.trim()); }
      var icon = sort.querySelector('svg');
      var state = SORTS[icon && icon.getAttribute('data-icon')];
      if (th && state) { setAttr(th, 'aria-sort', state); }
    });
  }

  function repair() { dropdowns(); sliders(); tabs(); tables(); }

  var queued = false;
  function later() {
    if (queued) { return; }
    queued = true;
    window.requestAnimationFrame(function () { queued = false; repair(); });
  }

  function yearsOf(container) {
    var api = window.dash_component_api;
    var layout = api && api.getLayout && api.getLayout(container.id);
    var props = layout && layout.props;
    if (!props) { return []; }
    var holder = container.closest('[data-years-store]');
    var store = holder && api.getLayout(holder.getAttribute('data-years-store'));
    var years;
    if (store && store.props && Array.isArray(store.props.data) && props.step !== null) {
      years = store.props.data.slice();
    } else if (props.step === null || props.step === undefined) {
      years = Object.keys(props.marks || {}).map(Number);
    } else {
      years = [];
      for (var y = props.min; y <= props.max; y += props.step) { years.push(y); }
    }
    return years.filter(function (y) { return y >= props.min && y <= props.max; })
      .sort(function (a, b) { return a - b; });
  }

  var MOVES = {ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 5, PageDown: -5};

  function stepYear(event) {
    var thumb = event.target;
    if (!thumb.matches || !thumb.matches('[role="slider"]')) { return; }
    var container = thumb.closest('.dash-slider-container.year-steps');
    if (!container || !window.dash_clientside || !window.dash_clientside.set_props) { return; }
    var years = yearsOf(container);
    if (!years.length) { return; }
    var now = Number(thumb.getAttribute('aria-valuenow'));
    var at = years.indexOf(now);
    if (at < 0) {  // between data years: the nearest one
      at = years.reduce(function (best, y, i) { return Math.abs(y - now) < Math.abs(years[best] - now) ? i : best; }, 0);
    }
    var next;
    if (event.key in MOVES) {
      next = Math.max(0, Math.min(years.length - 1, at + MOVES[event.key]));
    } else if (event.key === 'Home') {
      next = 0;
    } else if (event.key === 'End') {
      next = years.length - 1;
    } else {
      return;
    }
    event.preventDefault();
    event.stopPropagation();
    if (years[next] !== now) { window.dash_clientside.set_props(container.id, {value: years[next]}); }
  }

  function moveTab(event) {
    var tab = event.target;
    if (!tab.matches || !tab.matches('.nav-tabs [role="tab"]')) { return; }
    var all = Array.prototype.slice.call(tab.closest('[role="tablist"]').querySelectorAll('[role="tab"]'));
    var at = all.indexOf(tab);
    var next = {ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1}[event.key];
    if (next === undefined) {
      if (event.key === ' ') { event.preventDefault(); tab.click(); }
      return;
    }
    event.preventDefault();
    var target = all[(next + all.length) % all.length];
    target.focus();
    target.click();
  }

  document.addEventListener('keydown', function (event) {  // a table's sort buttons
    var sort = event.target;
    if (!sort.matches || !sort.matches('.column-header--sort')) { return; }
    if (event.key === 'Tab') {  // the table's own Tab handling (between cells) would trap the focus here
      event.stopPropagation();
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') { return; }
    event.preventDefault();
    var th = sort.closest('th');
    var column = th ? th.getAttribute('data-dash-column') : null;
    sort.click();
    window.setTimeout(function () {  // the header may be redrawn: the focus stays on that column's button
      var again = column && document.querySelector(
        '.dash-spreadsheet th[data-dash-column="' + CSS.escape(column) + '"] .column-header--sort');
      if (again && document.activeElement !== again) { again.focus(); }
    }, 0);
  }, true);
  document.addEventListener('keydown', stepYear, true);
  document.addEventListener('keydown', moveTab, true);
  document.addEventListener('click', function (event) {  // tabs are links to "#": never jump
    var tab = event.target.closest && event.target.closest('.nav-tabs [role="tab"][href="#"]');
    if (tab) { event.preventDefault(); }
  });
  new MutationObserver(later).observe(document.documentElement, {
    childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex', 'class', 'role', 'aria-selected', 'data-icon'],
  });
  later();
})();
