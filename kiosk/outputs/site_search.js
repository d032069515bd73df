// Optional search for the exported site: the page reads without it (the topic index lists
// every question). It searches only the words shipped with the site; nothing is sent.
(function () {
  "use strict";
  function fold(text) {
    return text.toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }
  document.addEventListener("DOMContentLoaded", function () {
    var box = document.getElementById("search");
    var entries = window.kioskSearch;
    if (!box || !entries) return;
    var label = document.createElement("label");
    label.htmlFor = "search-input";
    label.textContent = box.dataset.label;
    var input = document.createElement("input");
    input.type = "search";
    input.id = "search-input";
    input.setAttribute("aria-describedby", "search-hint");
    var hint = document.createElement("p");
    hint.id = "search-hint";
    hint.textContent = box.dataset.hint;
    var results = document.createElement("ul");
    results.setAttribute("aria-live", "polite");
    box.append(label, input, hint, results);
    input.addEventListener("input", function () {
      var words = fold(input.value).split(/\s+/).filter(function (w) { return w.length > 1; });
      results.replaceChildren();
      if (!words.length) return;
      entries.filter(function (entry) {
        var text = fold(entry.t + " " + entry.w);
        return words.every(function (w) { return text.indexOf(w) >= 0; });
      }).slice(0, 10).forEach(function (entry) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = entry.u;
        link.textContent = entry.t;
        item.append(link);
        results.append(item);
      });
    });
  });
})();
