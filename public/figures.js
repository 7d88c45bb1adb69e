// Klaster's script for the figures: on the finder (`<lang>/figures/`) the filter by
// words, topic, confidence and year as the reader types, the count, the address that
// keeps the filter, and the CSV and JSON of the figures shown; on a figure's page the
// citations' copy buttons and the day the reader looked. Loaded only on those pages,
// with an integrity hash (xtask/src/harden.rs). Everything it works on is already in
// the page: with no script the finder lists every figure and the citations read whole.
// Matching folds letters with the table the page carries (`data-fold`), written by the
// core (`klaster_core::finder::FOLD`), which also folded each row's key: one table.
(function () {
  'use strict';

  function announce(region, text) {
    if (region) region.textContent = text;
  }

  // ---- A figure's page: the day the reader looked, the page's own address, and copy.
  var citation = document.querySelector('.citation[data-accessed]');
  if (citation) {
    var now = new Date();
    var months = (citation.getAttribute('data-months') || '').split(' ');
    var month = months[now.getMonth()];
    var pad = function (n) { return (n < 10 ? '0' : '') + n; };
    var iso = now.getFullYear() + '-' + pad(now.getMonth() + 1) + '-' + pad(now.getDate());
    var relative = citation.getAttribute('data-url');
    var absolute = relative ? new URL(relative, location.href).href : null;
    Array.prototype.forEach.call(citation.querySelectorAll('pre[data-cite]'), function (pre) {
      var text = pre.textContent;
      if (absolute && relative !== absolute) text = text.split(relative).join(absolute);
      var kind = pre.getAttribute('data-cite');
      if (kind === 'text' && month) {
        var day = now.getDate() + ' ' + month + ' ' + now.getFullYear();
        text = text + ' ' + citation.getAttribute('data-accessed').replace('{date}', day);
      } else if (kind === 'bibtex') {
        text = text.replace(/\n\}\n?$/, ',\n  urldate = {' + iso + '}\n}\n');
      } else if (kind === 'csl') {
        try {
          var items = JSON.parse(text);
          items.forEach(function (item) {
            item.accessed = { 'date-parts': [[now.getFullYear(), now.getMonth() + 1, now.getDate()]] };
          });
          text = JSON.stringify(items, null, 2) + '\n';
        } catch (e) { /* left as the build wrote it */ }
      }
      pre.textContent = text;
    });
    var status = citation.querySelector('.citation__status');
    Array.prototype.forEach.call(citation.querySelectorAll('button[data-copy]'), function (button) {
      var pre = document.getElementById(button.getAttribute('data-copy'));
      if (!pre) return;
      button.hidden = false;
      button.addEventListener('click', function () {
        var select = function () {
          var range = document.createRange();
          range.selectNodeContents(pre);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
          pre.focus();
        };
        announce(status, '');
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(pre.textContent).then(function () {
            announce(status, citation.getAttribute('data-copied'));
          }, select);
        } else {
          select();
        }
      });
    });
  }

  // ---- The finder.
  var finder = document.querySelector('.finder[data-fold]');
  if (!finder) return;
  var form = finder.querySelector('form.finder__filter');
  var count = finder.querySelector('.finder__count');
  if (!form || !count) return;
  var fold = {};
  try { fold = JSON.parse(finder.getAttribute('data-fold')) || {}; } catch (e) { fold = {}; }
  var own = Object.prototype.hasOwnProperty;
  function searchKey(text) {
    var out = '';
    for (var i = 0; i < text.length; i += 1) {
      var code = text.codePointAt(i);
      var ch = String.fromCodePoint(code);
      if (code > 0xffff) i += 1;
      out += own.call(fold, ch) ? fold[ch] : ch.toLowerCase();
    }
    return out.split(/\s+/).filter(Boolean).join(' ');
  }
  var rows = Array.prototype.slice.call(finder.querySelectorAll('.finder__row'));
  var groups = Array.prototype.slice.call(finder.querySelectorAll('.finder__group'));
  var fields = {
    q: form.querySelector('[name="q"]'),
    topic: form.querySelector('[name="topic"]'),
    confidence: form.querySelector('[name="confidence"]'),
    from: form.querySelector('[name="from"]'),
    to: form.querySelector('[name="to"]')
  };
  var total = rows.length;

  // The address's filter, read once: a select takes only one of its own options.
  var query = new URLSearchParams(location.search);
  Object.keys(fields).forEach(function (name) {
    var field = fields[name];
    var value = query.get(name);
    if (!field || value === null) return;
    if (field.tagName === 'SELECT') {
      var known = Array.prototype.some.call(field.options, function (o) { return o.value === value; });
      if (known) field.value = value;
    } else {
      field.value = value.slice(0, 200);
    }
  });

  function shownRows() {
    return rows.filter(function (row) { return !row.hidden; });
  }

  function apply() {
    var words = searchKey(fields.q.value).split(' ').filter(Boolean);
    var topic = fields.topic.value;
    var confidence = fields.confidence.value;
    var from = fields.from.value ? Number(fields.from.value) : null;
    var to = fields.to.value ? Number(fields.to.value) : null;
    var shown = 0;
    rows.forEach(function (row) {
      var key = row.getAttribute('data-key') || '';
      var year = Number(row.getAttribute('data-year'));
      var match = words.every(function (word) { return key.indexOf(word) >= 0; }) &&
        (!topic || row.getAttribute('data-topic') === topic) &&
        (!confidence || row.getAttribute('data-confidence') === confidence) &&
        (from === null || year >= from) &&
        (to === null || year <= to);
      row.hidden = !match;
      if (match) shown += 1;
    });
    groups.forEach(function (group) {
      group.hidden = !group.querySelector('.finder__row:not([hidden])');
    });
    var counted = count.getAttribute('data-count').replace('{shown}', shown).replace('{total}', total);
    announce(count, shown ? counted : count.getAttribute('data-none') + ' ' + counted);
    var kept = new URLSearchParams();
    Object.keys(fields).forEach(function (name) {
      var value = fields[name].value.trim();
      if (value) kept.set(name, value);
    });
    var search = kept.toString();
    history.replaceState(null, '', location.pathname + (search ? '?' + search : '') + location.hash);
  }

  // ---- The figures shown, as a file.
  function selection() {
    return shownRows().map(function (row) {
      var link = row.querySelector('a');
      return {
        id: row.getAttribute('data-id'),
        topic: row.getAttribute('data-topic'),
        label: row.querySelector('.finder__label').textContent,
        value: Number(row.getAttribute('data-value')),
        unit: row.getAttribute('data-unit'),
        qualifier: row.getAttribute('data-qualifier'),
        as_of: row.getAttribute('data-as-of'),
        confidence: row.getAttribute('data-confidence'),
        sources: (row.getAttribute('data-sources') || '').split(' ').filter(Boolean),
        url: link ? new URL(link.getAttribute('href'), location.href).href : ''
      };
    });
  }
  // A cell a spreadsheet could run as a formula is defused, as the build's CSV files are.
  function cell(value, text) {
    var s = String(value);
    if (text && /^[=+\-@\t\r]/.test(s)) s = "'" + s;
    return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
  }
  function download(kind) {
    var figures = selection();
    var lang = document.documentElement.lang || 'en';
    var body;
    if (kind === 'csv') {
      var header = ['id', 'topic', 'label', 'value', 'unit', 'qualifier', 'as_of', 'confidence', 'sources', 'url'];
      body = header.join(',') + '\r\n' + figures.map(function (f) {
        return [cell(f.id), cell(f.topic), cell(f.label, true), cell(f.value), cell(f.unit), cell(f.qualifier),
          cell(f.as_of), cell(f.confidence), cell(f.sources.join(' ')), cell(f.url)].join(',');
      }).join('\r\n') + '\r\n';
    } else {
      body = JSON.stringify({ language: lang, figures: figures }, null, 2) + '\n';
    }
    var type = kind === 'csv' ? 'text/csv;charset=utf-8' : 'application/json';
    var url = URL.createObjectURL(new Blob([body], { type: type }));
    var a = document.createElement('a');
    a.href = url;
    a.download = 'klaster-figures-' + lang + '.' + kind;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 1000);
  }

  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(); });
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  Array.prototype.forEach.call(form.querySelectorAll('button[data-download]'), function (button) {
    button.addEventListener('click', function () { download(button.getAttribute('data-download')); });
  });
  apply();
})();
