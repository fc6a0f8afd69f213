// Insights: every section is a <details open>, so without this script, and in print, the whole
// page reads straight through. On a phone (max-width 600px, as app.css) the sections after the
// first start folded, so the page opens as a short list of headings; a link of the contents
// bar, or an address ending in #section, opens the section it points to.
(function () {
  "use strict";
  var sections = document.querySelectorAll("details.insight");
  if (!sections.length) { return; }
  function openSection(hash) {
    var target = hash && document.getElementById(hash.slice(1));
    if (target && target.matches("details.insight")) { target.open = true; }
  }
  if (window.matchMedia("(max-width: 600px)").matches) {
    sections.forEach(function (section, i) {
      if (i > 0) { section.open = false; }
    });
  }
  openSection(window.location.hash);
  document.querySelectorAll(".contents a, .insight a[href^='#']").forEach(function (link) {
    link.addEventListener("click", function () { openSection(link.hash); });
  });
  window.addEventListener("hashchange", function () { openSection(window.location.hash); });
  window.addEventListener("beforeprint", function () {
    sections.forEach(function (section) { section.open = true; });
  });
})();
