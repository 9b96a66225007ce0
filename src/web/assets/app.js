// Progressive enhancement only: everything works without this file.
(function () {
  "use strict";
  // Move focus to the error summary (autofocus does it in most browsers).
  var summary = document.querySelector(".error-summary");
  if (summary && document.activeElement !== summary) { summary.focus(); }
  // A print button on the receipt.
  var print = document.querySelector(".print-button");
  if (print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
  // A filter over long checkbox lists (countries): type to narrow; other
  // names count too; ticked boxes always stay; accents do not matter.
  function fold(t) {
    return t.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  var lists = document.querySelectorAll("[data-filter]");
  Array.prototype.forEach.call(lists, function (list) {
    var input = document.getElementById(list.getAttribute("data-filter"));
    var count = document.getElementById(list.getAttribute("data-count"));
    var template = list.getAttribute("data-template") || "{n}/{of}";
    if (!input) { return; }
    input.closest(".filter").hidden = false;
    var choices = list.querySelectorAll(".choice");
    input.addEventListener("input", function () {
      var needle = fold(input.value.trim());
      var shown = 0;
      Array.prototype.forEach.call(choices, function (c) {
        var text = fold(c.textContent + " " + (c.getAttribute("data-alias") || ""));
        var box = c.querySelector("input");
        var keep = needle === "" || text.indexOf(needle) !== -1 || (box && box.checked);
        c.hidden = !keep;
        if (keep) { shown += 1; }
      });
      Array.prototype.forEach.call(list.querySelectorAll(".country-group"), function (g) {
        g.hidden = g.querySelectorAll(".choice:not([hidden])").length === 0;
      });
      if (count) {
        count.textContent = needle === "" ? "" : template.replace("{n}", shown).replace("{of}", choices.length);
      }
    });
  });
})();
