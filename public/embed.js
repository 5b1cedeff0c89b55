/* Handshake Lab for course pages: include once, anywhere on the page,
 *   <script src="https://YOUR-LAB-HOST/PATH/embed.js" async></script>
 * and every Handshake Lab iframe on the page (now or added later) takes the height its content
 * reports, so it never shows a scrollbar of its own. Also gives `HandshakeLab.send(iframe, type,
 * scenario)` to drive a widget: type is step | back | play | pause | reset | load.
 * No dependencies; MIT, like the rest of Handshake Lab. */
/* global window, document, URL */
(function () {
  'use strict';
  if (window.HandshakeLab) return; // included twice: one listener is enough

  /** The origin an iframe's src points at, or null. */
  function originOf(iframe) {
    try {
      return new URL(iframe.src, document.baseURI).origin;
    } catch {
      return null;
    }
  }

  /** The iframe whose window sent a message (looked up each time: iframes come and go). */
  function iframeOf(source) {
    var iframes = document.getElementsByTagName('iframe');
    for (var i = 0; i < iframes.length; i++) {
      if (iframes[i].contentWindow === source) return iframes[i];
    }
    return null;
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.source !== 'handshake-lab') return;
    // Only the page the iframe was pointed at may size it, not whatever it navigated to.
    var iframe = event.source && iframeOf(event.source);
    if (!iframe || originOf(iframe) !== event.origin) return;
    var height = data.height;
    if (data.type === 'height' && typeof height === 'number' && height > 0 && height < 1e5) {
      iframe.style.height = Math.ceil(height) + 'px';
    }
  });

  window.HandshakeLab = {
    send: function (iframe, type, scenario) {
      var message = { target: 'handshake-lab', type: type };
      if (type === 'load') message.scenario = scenario;
      // Addressed to the widget's origin: nobody else reads it, even if the iframe navigated.
      var origin = iframe && iframe.contentWindow && originOf(iframe);
      if (origin && origin !== 'null') iframe.contentWindow.postMessage(message, origin);
    },
  };
})();
