// A progress indicator while the server reads an upload (10-40 s): the
// upload forms are ordinary POSTs, so the page shows a panel with a running
// clock until the browser replaces it with the answer. The button is
// disabled so an impatient second click does not start a second reading.
(function () {
  "use strict";
  var panel = document.getElementById("progress");
  if (!panel) return;
  var text = document.getElementById("progress-text");
  var elapsed = document.getElementById("progress-elapsed");
  var timer = null;

  function reset() {
    panel.hidden = true;
    if (timer) { clearInterval(timer); timer = null; }
    Array.prototype.forEach.call(document.querySelectorAll("form[data-progress] button[type=submit]"),
      function (b) { b.disabled = false; });
  }

  function start(form) {
    var t0 = Date.now();
    text.textContent = form.getAttribute("data-progress") || "Đang xử lý…";
    elapsed.textContent = "0 giây";
    panel.hidden = false;
    form.insertAdjacentElement("afterend", panel);
    timer = setInterval(function () {
      elapsed.textContent = Math.round((Date.now() - t0) / 1000) + " giây";
    }, 1000);
    Array.prototype.forEach.call(form.querySelectorAll("button[type=submit]"), function (b) {
      // disable after the browser has taken the button's value into the form
      setTimeout(function () { b.disabled = true; }, 0);
    });
  }

  Array.prototype.forEach.call(document.querySelectorAll("form[data-progress]"), function (form) {
    form.addEventListener("submit", function () {
      if (form.checkValidity && !form.checkValidity()) return;
      start(form);
    });
  });
  // coming back with the browser's Back button shows the form, not a stale panel
  window.addEventListener("pageshow", reset);
})();
