// Kontor's small browser helpers; no build step. Everything here is progressive: pages work without it except
// the requester type-ahead, which needs htmx anyway.
(function () {
  'use strict';

  function meta(name) {
    var el = document.querySelector('meta[name="' + name + '"]');
    return el ? el.getAttribute('content') : null;
  }

  // htmx requests carry the CSRF token like forms do.
  document.addEventListener('htmx:configRequest', function (e) {
    var header = meta('csrf-header'), token = meta('csrf-token');
    if (header && token) { e.detail.headers[header] = token; }
  });

  // Menus (<details class="menu">) close on Escape and on a click elsewhere.
  document.addEventListener('click', function (e) {
    document.querySelectorAll('details.menu[open], .split-button details[open]').forEach(function (d) {
      if (!d.contains(e.target)) { d.removeAttribute('open'); }
    });
  });
  document.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape') { return; }
    var open = e.target.closest && e.target.closest('details[open]');
    if (open) { open.removeAttribute('open'); var s = open.querySelector('summary'); if (s) { s.focus(); } }
  });

  // The side bar marks the view being shown.
  function markCurrentView() {
    document.querySelectorAll('.view-list a').forEach(function (a) {
      if (a.pathname === window.location.pathname) { a.setAttribute('aria-current', 'page'); }
    });
  }
  document.addEventListener('htmx:afterSettle', markCurrentView);
  document.addEventListener('DOMContentLoaded', markCurrentView);

  // Requester type-ahead (R2): real options in a listbox, reachable with the arrow keys.
  function options(listbox) { return Array.prototype.slice.call(listbox.querySelectorAll('[role=option]')); }
  function listboxOf(input) { return document.getElementById(input.getAttribute('aria-controls')); }
  function focusOption(listbox, index) {
    var opts = options(listbox);
    if (!opts.length) { return; }
    index = (index + opts.length) % opts.length;
    opts.forEach(function (o, i) { o.setAttribute('aria-selected', i === index ? 'true' : 'false'); });
    opts[index].focus();
  }
  function choose(option) {
    var widget = option.closest('[data-typeahead]');
    var hidden = widget.querySelector('input[type=hidden][data-value]');
    hidden.value = option.getAttribute('data-id');
    var input = widget.querySelector('[role=combobox]');
    widget.querySelector('[data-chosen-label]').textContent = option.getAttribute('data-label');
    widget.classList.add('has-choice');
    widget.querySelector('[data-chosen]').hidden = false;
    widget.querySelector('[data-search]').hidden = true;
    input.setAttribute('aria-expanded', 'false');
    listboxOf(input).innerHTML = '';
    var change = widget.querySelector('[data-change]');
    if (change) { change.focus(); }
  }
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (t.getAttribute && t.getAttribute('role') === 'combobox') {
      var lb = listboxOf(t);
      if (e.key === 'ArrowDown') { e.preventDefault(); focusOption(lb, 0); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); focusOption(lb, -1); }
      else if (e.key === 'Enter') { e.preventDefault(); var o = options(lb); if (o.length === 1) { choose(o[0]); } }
      else if (e.key === 'Escape') { lb.innerHTML = ''; t.setAttribute('aria-expanded', 'false'); }
      return;
    }
    if (t.getAttribute && t.getAttribute('role') === 'option') {
      var listbox = t.closest('[role=listbox]');
      var opts = options(listbox), i = opts.indexOf(t);
      if (e.key === 'ArrowDown') { e.preventDefault(); focusOption(listbox, i + 1); }
      else if (e.key === 'ArrowUp') { e.preventDefault(); if (i === 0) { document.querySelector('[aria-controls="' + listbox.id + '"]').focus(); } else { focusOption(listbox, i - 1); } }
      else if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); choose(t); }
      else if (e.key === 'Escape') { e.preventDefault(); document.querySelector('[aria-controls="' + listbox.id + '"]').focus(); }
      return;
    }
    // Enter in an inline sub-form (+ Add user) presses its own button, not the ticket form's submit.
    if (e.key === 'Enter' && t.closest && t.closest('[data-enter-clicks]') && t.tagName === 'INPUT') {
      e.preventDefault();
      var box = t.closest('[data-enter-clicks]');
      box.querySelector(box.getAttribute('data-enter-clicks')).click();
    }
  });
  document.addEventListener('click', function (e) {
    var option = e.target.closest && e.target.closest('[role=option]');
    if (option && option.closest('[data-typeahead]')) { choose(option); return; }
    var change = e.target.closest && e.target.closest('[data-change]');
    if (change) {
      var widget = change.closest('[data-typeahead]');
      widget.querySelector('input[type=hidden][data-value]').value = '';
      widget.querySelector('[data-chosen]').hidden = true;
      widget.querySelector('[data-search]').hidden = false;
      var input = widget.querySelector('[role=combobox]');
      input.value = '';
      input.focus();
    }
  });
  document.addEventListener('htmx:afterSwap', function (e) {
    var lb = e.detail.target;
    if (lb.getAttribute && lb.getAttribute('role') === 'listbox') {
      var input = document.querySelector('[aria-controls="' + lb.id + '"]');
      if (input) { input.setAttribute('aria-expanded', options(lb).length ? 'true' : 'false'); }
    }
  });

  // Composer mode (R9, R12, R15): the look follows the chosen mode; the warning shows before a public reply
  // would make a private ticket public.
  function syncComposer(composer) {
    var checked = composer.querySelector('input[name=mode]:checked');
    var internal = checked && checked.value === 'internal';
    composer.classList.toggle('mode-internal', internal);
    composer.classList.toggle('mode-public', !internal);
    var warning = composer.querySelector('[data-publish-warning]');
    if (warning) { warning.hidden = internal; }
  }
  document.addEventListener('change', function (e) {
    if (e.target.name === 'mode') { var c = e.target.closest('.composer'); if (c) { syncComposer(c); } }
  });
  document.addEventListener('DOMContentLoaded', function () {
    document.querySelectorAll('.composer').forEach(syncComposer);
  });
})();
