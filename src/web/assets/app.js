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
  // A filter over long checkbox lists (countries): type to narrow.
  var lists = document.querySelectorAll("[data-filter]");
  Array.prototype.forEach.call(lists, function (list) {
    var input = document.getElementById(list.getAttribute("data-filter"));
    if (!input) { return; }
    input.closest(".filter").hidden = false;
    input.addEventListener("input", function () {
      var needle = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(list.querySelectorAll(".choice"), function (c) {
        var text = c.textContent.toLowerCase();
        var box = c.querySelector("input");
        c.hidden = needle !== "" && text.indexOf(needle) === -1 && !(box && box.checked);
      });
    });
  });
})();
