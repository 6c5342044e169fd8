// The task table: filter by agency and deadline, delete and add rows, and
// mark edited rows. No framework, no build step; without JavaScript the form
// still posts every row.
(function () {
  "use strict";
  var table = document.getElementById("task-table");
  if (!table) return;
  var body = table.tBodies[0];
  var agency = document.getElementById("filter-agency");
  var deadline = document.getElementById("filter-deadline");
  var text = document.getElementById("filter-text");
  var asOf = document.getElementById("as-of");
  var count = document.getElementById("filter-count");

  function names(row, cls) {
    return row.querySelector("." + cls).value.split(/[;\n]/).map(function (s) { return s.trim().toLowerCase(); }).filter(Boolean);
  }

  function deadlineClass(row) {
    var due = row.querySelector(".due").value;
    var freq = row.querySelector(".frequency").value;
    var txt = row.querySelector(".deadline-text").value.trim();
    if (due) return (asOf.value && due < asOf.value) ? "past" : "upcoming";
    if (freq || row.dataset.kind === "recurring") return "recurring";
    return txt ? "other" : "none";
  }

  function apply() {
    var a = agency.value.trim().toLowerCase();
    var d = deadline.value;
    var q = text.value.trim().toLowerCase();
    var shown = 0, total = 0;
    Array.prototype.forEach.call(body.rows, function (row) {
      total += 1;
      var cls = deadlineClass(row);
      row.classList.toggle("past", cls === "past");
      var ok = true;
      if (a) ok = names(row, "lead").concat(names(row, "support")).indexOf(a) >= 0;
      if (ok && d) ok = d === "dated" ? (cls === "past" || cls === "upcoming") : cls === d;
      if (ok && q) ok = row.textContent.toLowerCase().indexOf(q) >= 0 ||
        Array.prototype.some.call(row.querySelectorAll("input,textarea"), function (el) { return el.value.toLowerCase().indexOf(q) >= 0; });
      row.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown + " / " + total;
  }

  body.addEventListener("click", function (ev) {
    var btn = ev.target.closest(".delete-row");
    if (btn) { btn.closest("tr").remove(); apply(); }
  });
  body.addEventListener("input", function (ev) {
    var row = ev.target.closest("tr");
    if (row) row.classList.add("edited");
  });
  body.addEventListener("change", apply);
  document.getElementById("add-row").addEventListener("click", function () {
    var tpl = document.getElementById("new-row");
    var row = tpl.content.firstElementChild.cloneNode(true);
    body.appendChild(row);
    agency.value = ""; deadline.value = ""; text.value = "";
    apply();
    row.querySelector(".task").focus();
  });
  [agency, deadline, asOf].forEach(function (el) { el.addEventListener("change", apply); });
  text.addEventListener("input", apply);
  apply();
})();

// The graph picture is drawn by the server only when asked: the link opens
// it (without JavaScript in a new tab), here it is shown in the page.
(function () {
  "use strict";
  var link = document.getElementById("graph-link");
  var img = document.getElementById("graph-picture");
  if (!link || !img) return;
  link.addEventListener("click", function (ev) {
    ev.preventDefault();
    link.textContent = "Đang vẽ sơ đồ… (drawing)";
    img.addEventListener("load", function () { img.hidden = false; link.parentNode.hidden = true; });
    img.addEventListener("error", function () { window.location.href = link.href; });
    img.src = link.href;
  });
})();
