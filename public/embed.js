/* Handshake Lab for course pages: include once, anywhere on the page,
 *   <script src="https://YOUR-LAB-HOST/PATH/embed.js" async></script>
 * and every Handshake Lab iframe on the page (now or added later) takes the height its content
 * reports, so it never shows a scrollbar of its own. Also gives `HandshakeLab.send(iframe, type,
 * scenario)` to drive a widget: type is step | back | play | pause | reset | load.
 * No dependencies; MIT, like the rest of Handshake Lab. */
/* global window, document, Document, Node, URL */
(function () {
  'use strict';
  // Read through the prototypes: the course page's elements can shadow a document's properties by
  // their name (<img name="currentScript">), but not these.
  function documentGet(name) {
    var descriptor = Object.getOwnPropertyDescriptor(Document.prototype, name);
    return descriptor && descriptor.get ? descriptor.get.call(document) : undefined;
  }
  var baseURI = Object.getOwnPropertyDescriptor(Node.prototype, 'baseURI').get.call(document);
  var getByTag = Document.prototype.getElementsByTagName;

  /** The origin of a URL, or null. */
  function originOfUrl(url) {
    try {
      return new URL(url, baseURI).origin;
    } catch {
      return null;
    }
  }

  /** The origin an iframe's src points at, or null. */
  function originOf(iframe) {
    return originOfUrl(iframe.src);
  }

  // The lab's origin: where this script was served from. Only frames pointing there are the lab's;
  // any other frame (a video, a quiz) that posts a message shaped like ours is none of our business.
  var script = documentGet('currentScript');
  var labOrigin = script && typeof script.src === 'string' ? originOfUrl(script.src) : null;
  if (labOrigin === 'null') labOrigin = null;

  // Marks the object this script puts at window.HandshakeLab (its value adds a lab's origin). The
  // name alone proves nothing: an element with id="HandshakeLab" (or a form or image named so)
  // shows up as window.HandshakeLab too.
  var OURS =
    typeof Symbol === 'function' ? Symbol.for('handshake-lab.embed') : '__handshakeLabEmbed';
  var existing = window.HandshakeLab;
  if (existing && typeof existing[OURS] === 'function') {
    // Included again (maybe from another lab's site): one listener is enough, for both origins.
    if (labOrigin !== null) existing[OURS](labOrigin);
    return;
  }
  var labOrigins = labOrigin === null ? [] : [labOrigin];

  /** The iframe whose window sent a message (looked up each time: iframes come and go). */
  function iframeOf(source) {
    var iframes = getByTag.call(document, 'iframe');
    for (var i = 0; i < iframes.length; i++) {
      if (iframes[i].contentWindow === source) return iframes[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'handshake-lab') return;
    // Only the lab's own page may size its frame: the frame must point at a lab's origin and the
    // message come from there (not from whatever the frame navigated to).
    if (labOrigins.indexOf(event.origin) < 0) return;
    var iframe = event.source && iframeOf(event.source);
    if (!iframe || originOf(iframe) !== event.origin) return;
    var height = data.height;
    if (data.type === 'height' && typeof height === 'number' && height > 0 && height < 1e5) {
      iframe.style.height = Math.ceil(height) + 'px';
    }
  });

  var api = {
    send: function (iframe, type, scenario) {
      var message = { target: 'handshake-lab', type: type };
      if (type === 'load') message.scenario = scenario;
      // Addressed to the widget's origin: nobody else reads it, even if the iframe navigated.
      var origin = iframe && iframe.contentWindow && originOf(iframe);
      if (origin && origin !== 'null') iframe.contentWindow.postMessage(message, origin);
    },
  };
  Object.defineProperty(api, OURS, {
    value: function (origin) {
      if (labOrigins.indexOf(origin) < 0) labOrigins.push(origin);
    },
  });
  // An own property of the window: it shadows an element of the same id.
  window.HandshakeLab = api;
})();
