/*
 * klaster embed.js: sizes the portal's chart embeds to their content.
 *
 * A journalist pastes the snippet from klaster_core::embed::snippet: a sandboxed
 * <iframe data-klaster-embed> of a chart page (chart-<id>-<lang>.html) and this
 * script. The chart page tells its parent its height as a JSON string,
 *   {"type":"klaster:height","version":1,"chart":"<id>","height":<int>}
 * on start, whenever that height changes, and when asked with
 *   {"type":"klaster:request-height","version":1}
 * which this script sends each embed when it finds it and each time it loads.
 *
 * Who may resize what: the iframe is sandboxed without allow-same-origin, so its
 * messages arrive with origin "null" and that string proves nothing. A message is
 * taken only when its event.source is the window of an iframe on this page whose
 * src is on the portal's origin (the origin this script was loaded from), and
 * when its data is exactly the message above. The worst a forged message could
 * do is pick a height between MIN_HEIGHT and MAX_HEIGHT for a chart the article
 * embedded itself. Everything else is ignored silently.
 *
 * Plain ES5 with DOM APIs (URL, MutationObserver, WeakMap), no dependencies, no
 * eval, no markup from strings, no inline styles set as attributes (style.height
 * is CSSOM), no network requests: it runs under a strict Content-Security-Policy
 * and Trusted Types on the article. Including it twice does nothing the second time.
 */
(function () {
  'use strict';

  // The message contract (klaster_core::embed: MESSAGE_VERSION, MIN_HEIGHT, MAX_HEIGHT).
  var MESSAGE_VERSION = 1;
  var MIN_HEIGHT = 100;
  var MAX_HEIGHT = 5000;
  /** Longer messages are not ours; the chart page's are well under 100 characters. */
  var MAX_MESSAGE_LENGTH = 1024;
  var HEIGHT_TYPE = 'klaster:height';
  var CHART_ID = /^[a-z-]{1,40}$/;
  /** A chart page's file name (klaster_core::embed::chart_page_file). */
  var CHART_PAGE = /^chart-[a-z-]+-(az|en)\.html$/;
  var REQUEST_HEIGHT = JSON.stringify({ type: 'klaster:request-height', version: MESSAGE_VERSION });

  // document.currentScript is only set while this script first runs: read it now.
  var script = document.currentScript;
  if (!script || !script.src || typeof URL !== 'function' || typeof WeakMap !== 'function') return;
  var scriptUrl = parseUrl(script.src);
  if (!scriptUrl || (scriptUrl.protocol !== 'https:' && scriptUrl.protocol !== 'http:')) return;
  /** The portal's origin, e.g. "https://portal.example". */
  var portalOrigin = scriptUrl.origin;
  /** The folder the chart pages sit in: the one this script sits in, e.g. "/klaster/". */
  var portalFolder = scriptUrl.pathname.slice(0, scriptUrl.pathname.lastIndexOf('/') + 1);

  // Idempotent: one resizer per portal, however many snippets include this script.
  // (Keyed by origin, so an article may still embed charts from two portals.)
  var loaded = window.__klasterEmbed;
  if (!loaded || typeof loaded !== 'object') {
    loaded = {};
    window.__klasterEmbed = loaded;
  }
  if (Object.prototype.hasOwnProperty.call(loaded, portalOrigin)) return;
  loaded[portalOrigin] = true;

  /** Iframes given a load listener already. */
  var watched = new WeakMap();

  function parseUrl(href) {
    try {
      return new URL(href, document.baseURI);
    } catch (e) {
      return null;
    }
  }

  /**
   * Is this iframe one of the portal's embeds? Its src must be on the portal's origin,
   * and it is marked data-klaster-embed or is a chart page next to this script. Checked
   * afresh each time, since an iframe's src can change.
   */
  function isEmbed(iframe) {
    if (iframe.hasAttribute('srcdoc') || !iframe.getAttribute('src')) return false;
    var url = parseUrl(iframe.src);
    if (!url || url.origin !== portalOrigin) return false;
    if (iframe.hasAttribute('data-klaster-embed')) return true;
    return url.pathname.indexOf(portalFolder) === 0 &&
      CHART_PAGE.test(url.pathname.slice(portalFolder.length));
  }

  /**
   * Asks an embed for its height. The target origin has to be "*": the sandboxed
   * document's origin is opaque and cannot be named. The request carries nothing.
   */
  function requestHeight(iframe) {
    if (!isEmbed(iframe) || !iframe.contentWindow) return;
    try {
      iframe.contentWindow.postMessage(REQUEST_HEIGHT, '*');
    } catch (e) {
      // A window that is going away; its next load asks again.
    }
  }

  /** Starts looking after an iframe (again, when its src changed). */
  function watch(iframe) {
    if (!isEmbed(iframe)) return;
    if (!watched.has(iframe)) {
      watched.set(iframe, true);
      iframe.addEventListener('load', function () {
        requestHeight(iframe);
      });
    }
    // It may have loaded (and said its height) before this script ran.
    requestHeight(iframe);
  }

  function watchAllIn(root) {
    if (isIframe(root)) {
      watch(root);
      return;
    }
    if (!root.getElementsByTagName) return;
    var iframes = root.getElementsByTagName('iframe');
    for (var i = 0; i < iframes.length; i++) watch(iframes[i]);
  }

  function isIframe(node) {
    return node.nodeType === 1 && String(node.nodeName).toLowerCase() === 'iframe';
  }

  /**
   * The height in a message, or null when the message is not exactly
   * {"type":"klaster:height","version":1,"chart":"<id>","height":<integer>}.
   */
  function heightFrom(data) {
    if (typeof data !== 'string' || data.length > MAX_MESSAGE_LENGTH) return null;
    var message;
    try {
      message = JSON.parse(data);
    } catch (e) {
      return null;
    }
    if (!message || typeof message !== 'object' || Object.prototype.toString.call(message) !== '[object Object]') {
      return null;
    }
    var keys = Object.keys(message);
    var own = function (key) {
      return Object.prototype.hasOwnProperty.call(message, key);
    };
    if (keys.length !== 4 || !own('type') || !own('version') || !own('chart') || !own('height')) return null;
    if (message.type !== HEIGHT_TYPE || message.version !== MESSAGE_VERSION) return null;
    if (typeof message.chart !== 'string' || !CHART_ID.test(message.chart)) return null;
    var height = message.height;
    if (typeof height !== 'number' || !isFinite(height) || Math.floor(height) !== height) return null;
    return Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, height));
  }

  /** The embed iframe whose window sent a message, or null. */
  function embedOf(source) {
    if (!source) return null;
    var iframes = document.getElementsByTagName('iframe');
    for (var i = 0; i < iframes.length; i++) {
      if (iframes[i].contentWindow === source) return isEmbed(iframes[i]) ? iframes[i] : null;
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    // Cheap checks first: other scripts' messages are mostly not strings.
    var height = heightFrom(event.data);
    if (height === null) return;
    // Sandboxed as the snippet says: "null"; a host who dropped the sandbox: the portal.
    if (event.origin !== 'null' && event.origin !== portalOrigin) return;
    var iframe = embedOf(event.source);
    if (!iframe) return;
    var px = height + 'px';
    if (iframe.style.height !== px) iframe.style.height = px;
    if (iframe.getAttribute('height') !== String(height)) iframe.setAttribute('height', String(height));
  });

  // The iframes there now, those the parser or the article's scripts add later, and
  // those whose src is set or changed later (lazy loaders often set src late).
  watchAllIn(document);
  if (typeof MutationObserver === 'function' && document.documentElement) {
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        var record = records[i];
        if (record.type === 'attributes') {
          if (isIframe(record.target)) watch(record.target);
          continue;
        }
        for (var j = 0; j < record.addedNodes.length; j++) {
          if (record.addedNodes[j].nodeType === 1) watchAllIn(record.addedNodes[j]);
        }
      }
    }).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['src', 'data-klaster-embed'],
    });
  } else {
    document.addEventListener('DOMContentLoaded', function () {
      watchAllIn(document);
    });
  }
})();
