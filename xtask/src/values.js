// How a chart page (an embed) answers the reader's pointer and keys from its picture's
// value map, a small file the build wrote beside the picture (klaster_core::charts::values):
// which value each spot of the picture shows, its tooltip's words, where each key goes. The
// drawing code (the islands' wasm) loads only when the picture itself must change: a legend
// toggle pressed, or an address that hides series. A frozen release's chart page (which has
// no islands) answers the same way. The boot script imports this module when a reader first
// engages; `cargo xtask build` names it by its content and gives it its integrity.

var valueMaps = {};
function valueMapUrl(img) {
  var src = img.currentSrc || img.src;
  var url = src.replace(/\/charts\/body\/([a-z0-9-]+)\.svg$/, '/charts/values/$1.json');
  return url === src ? null : url;
}
function valueMap(url) {
  if (!valueMaps[url]) {
    valueMaps[url] = fetch(url).then(function (response) {
      if (!response.ok) throw new Error(url + ': HTTP ' + response.status);
      return response.json();
    }).then(function (map) {
      var fine = map && map.width > 0 && map.cell > 0 && Array.isArray(map.runs) && Array.isArray(map.values) && map.start;
      if (!fine) throw new Error(url + ': not a value map');
      return map;
    });
    // A failed fetch is tried again at the reader's next move.
    valueMaps[url].catch(function () { delete valueMaps[url]; });
  }
  return valueMaps[url];
}
function has(object, key) { return !!object && Object.prototype.hasOwnProperty.call(object, key); }
function replaceQuery(change) {
  try {
    var params = new URLSearchParams(location.search);
    change(params);
    var query = params.toString();
    history.replaceState(null, '', location.pathname + (query ? '?' + query : '') + location.hash);
  } catch (e) { /* a sandboxed frame may refuse; the chart still works */ }
}

/**
 * Makes `card` answer from its picture's value map. `boot` lends the boot script's
 * `wake(island)` (the drawing code) and `failed(error)` (the card's notice).
 */
export function answerFromValues(card, boot) {
  var root = document.documentElement;
  var plot = card.querySelector('.chart-card__static .chart-card__plot');
  var img = plot && plot.querySelector('img');
  if (!img || card.hasAttribute('data-values')) return;
  card.setAttribute('data-values', 'loading');
  var help = plot.querySelector('.chart-card__help');
  var said = card.querySelector('[data-values-said]');
  plot.tabIndex = 0;
  plot.setAttribute('role', 'group');
  plot.setAttribute('aria-label', plot.getAttribute('data-values-label') || '');
  if (help) {
    help.hidden = false;
    plot.setAttribute('aria-describedby', help.id);
  }
  // As on the live card, the ring and the tooltip are on the page only while a value
  // is highlighted.
  var ring = document.createElement('span');
  ring.className = 'chart-focus-ring';
  ring.setAttribute('aria-hidden', 'true');
  var tip = document.createElement('div');
  tip.className = 'chart-tooltip';
  tip.setAttribute('aria-hidden', 'true');

  var map = null;
  var mapUrl = null;
  var current = null;
  function release() {
    current = null;
    if (ring.parentNode) ring.parentNode.removeChild(ring);
    if (tip.parentNode) tip.parentNode.removeChild(tip);
  }
  function show(index, announce) {
    var value = map && map.values[index];
    if (!value || !Array.isArray(value.at) || !Array.isArray(value.lines)) { release(); return; }
    current = index;
    var scale = img.clientWidth / map.width;
    var x = img.offsetLeft + value.at[0] * scale;
    var y = img.offsetTop + value.at[1] * scale;
    ring.style.left = x + 'px';
    ring.style.top = y + 'px';
    plot.appendChild(ring);
    while (tip.firstChild) tip.removeChild(tip.firstChild);
    value.lines.forEach(function (line) {
      var p = document.createElement('p');
      if (line.class) p.className = line.class;
      if (line.confidence) p.setAttribute('data-confidence', line.confidence);
      p.textContent = line.text;
      tip.appendChild(p);
    });
    tip.style.left = x + 'px';
    tip.style.top = y + 'px';
    tip.style.transform = value.place;
    plot.appendChild(tip);
    if (announce && said) said.textContent = value.sentence;
  }
  function valueAt(x, y) {
    var column = Math.floor(x / map.cell);
    var row = Math.floor(y / map.cell);
    for (var i = 0; i < map.runs.length; i += 1) {
      var run = map.runs[i];
      if (run[0] === row && column >= run[1] && column < run[2]) return run[3];
    }
    return null;
  }
  // The picture a page shows depends on its width; so does its map.
  function load() {
    var url = valueMapUrl(img);
    if (!url) return Promise.reject(new Error('no value map for this picture'));
    if (url === mapUrl) return Promise.resolve(map);
    return valueMap(url).then(function (loaded) {
      if (valueMapUrl(img) === url) {
        map = loaded;
        mapUrl = url;
        release();
      }
      return map;
    });
  }
  function pointAt(clientX, clientY) {
    if (!map || valueMapUrl(img) !== mapUrl) {
      load().then(function () { if (map) pointAt(clientX, clientY); }, function () {});
      return;
    }
    var box = img.getBoundingClientRect();
    if (!box.width) return;
    var scale = map.width / box.width;
    var found = valueAt((clientX - box.left) * scale, (clientY - box.top) * scale);
    if (found === null) release();
    else if (found !== current || !tip.parentNode) show(found, false);
  }
  function onPointer(event) { pointAt(event.clientX, event.clientY); }
  plot.addEventListener('pointermove', onPointer);
  plot.addEventListener('pointerdown', onPointer);
  // A finger lifted leaves too: a tapped value keeps its tooltip.
  plot.addEventListener('pointerleave', function (event) { if (event.pointerType !== 'touch') release(); });
  plot.addEventListener('blur', release);
  // The picture scales with the page: the highlighted value's ring and tooltip follow it,
  // unless the page now shows another picture.
  window.addEventListener('resize', function () {
    if (current === null) return;
    if (valueMapUrl(img) === mapUrl) show(current, false);
    else release();
  });
  plot.addEventListener('keydown', function (event) {
    if (!map) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      release();
      if (said) said.textContent = '';
      return;
    }
    var moves = current === null ? map.start : map.values[current] && map.values[current].keys;
    if (!has(moves, event.key)) return;
    event.preventDefault();
    // The page has since changed width and shows another picture: the move starts again
    // on that picture's map.
    if (valueMapUrl(img) !== mapUrl) {
      var key = event.key;
      load().then(function () { if (has(map.start, key)) show(map.start[key], true); }, function () {});
      return;
    }
    show(moves[event.key], true);
  });

  // The table's state goes into the address, as the live card keeps it.
  var table = card.querySelector('details.chart-card__table');
  if (table) {
    table.addEventListener('toggle', function () {
      if (card.hasAttribute('data-live')) return;
      replaceQuery(function (params) {
        if (table.open) params.set('view', 'table');
        else params.delete('view');
      });
    });
  }

  // A legend toggle changes the picture: it brings the drawing code, which starts with
  // that series hidden and takes the keyboard's focus where the reader left it.
  var island = card.querySelector('leptos-island');
  var toggles = card.querySelectorAll('.chart-card__static .chart-legend__toggle--static[data-series]');
  if (island && toggles.length > 1) {
    Array.prototype.forEach.call(toggles, function (toggle, at) {
      toggle.setAttribute('role', 'button');
      toggle.setAttribute('aria-pressed', 'true');
      toggle.tabIndex = 0;
      function press(event) {
        if (event.type === 'keydown' && event.key !== 'Enter' && event.key !== ' ') return;
        event.preventDefault();
        if (card.hasAttribute('data-drawing')) return;
        card.setAttribute('data-drawing', '');
        var focused = document.activeElement === toggle;
        replaceQuery(function (params) { params.set('hide', toggle.getAttribute('data-series')); });
        if (focused && window.MutationObserver) {
          // The live legend may be drawn more than once as the card settles: the focus
          // follows its toggle until the reader moves it elsewhere.
          var follow = new MutationObserver(function () {
            var live = card.querySelectorAll('.chart-card__live .chart-legend__toggle');
            var active = document.activeElement;
            var lost = !active || active === document.body || !active.isConnected || !!active.closest('.chart-card__static');
            if (card.hasAttribute('data-live') && live[at] && lost) live[at].focus();
          });
          follow.observe(card, { attributes: true, subtree: true, childList: true });
          setTimeout(function () { follow.disconnect(); }, 10000);
        }
        boot.wake(island);
      }
      toggle.addEventListener('click', press);
      toggle.addEventListener('keydown', press);
    });
  }

  load().then(function () {
    card.setAttribute('data-values', '');
    // A reader who pointed at the picture before the map arrived sees the value there.
    var resting = /^(-?\d+),(-?\d+)$/.exec(root.getAttribute('data-pointer') || '');
    if (resting) {
      var box = img.getBoundingClientRect();
      var x = Number(resting[1]);
      var y = Number(resting[2]);
      if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) pointAt(x, y);
    }
  }, function (error) {
    card.removeAttribute('data-values');
    boot.failed(error);
  });
}
