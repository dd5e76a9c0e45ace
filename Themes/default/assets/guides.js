/* Signpost: small extras for question guides, which work without them. Arriving at a question from an answer link,
 * the question's heading takes the focus, so a screen reader reads it first; "Print your answers" prints. */
(function () {
  'use strict';
  if (window.location.hash === '#heading') {
    var heading = document.getElementById('heading');
    if (heading) heading.focus();
  }
  var print = document.querySelector('.guide-print');
  if (print && window.print) {
    print.hidden = false;
    print.querySelector('[data-print]').addEventListener('click', function () { window.print(); });
  }
})();
