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

// The graph picture is drawn by the server only when asked: the button posts
// the table as shown (without JavaScript the picture opens in a new tab);
// here it is fetched and shown in the page.
(function () {
  "use strict";
  var button = document.getElementById("graph-draw");
  var img = document.getElementById("graph-picture");
  var form = document.getElementById("checklist-form");
  if (!button || !img || !form || !window.fetch || !window.FileReader) return;
  var label = button.innerHTML;
  button.addEventListener("click", function (ev) {
    ev.preventDefault();
    var data = new FormData(form);
    data.set("fmt", "graph-view");
    button.disabled = true;
    button.textContent = "Đang vẽ sơ đồ… (drawing)";
    fetch(form.action, { method: "POST", body: data, credentials: "same-origin" }).then(function (r) {
      var type = r.headers.get("content-type") || "";
      if (!r.ok || type.indexOf("image/svg+xml") !== 0) throw new Error("no picture");
      return r.blob();
    }).then(function (blob) {
      var reader = new FileReader();
      reader.onload = function () {
        img.src = reader.result;  // a data: URI, which the page's CSP allows for images
        img.hidden = false;
        button.disabled = false;
        button.innerHTML = label;
      };
      reader.readAsDataURL(blob);
    }).catch(function () {
      button.disabled = false;
      button.textContent = "Không vẽ được sơ đồ; bấm để thử lại (could not draw; click to retry)";
    });
  });
})();
