// On a phone, the main navigation folds behind a Menu button (app.css, max-width 600px).
// Without this script the rooms stay listed as one line that scrolls sideways.
(function () {
  "use strict";
  var header = document.querySelector("header.top");
  var button = header && header.querySelector(".menu-toggle");
  if (!button) { return; }
  header.classList.add("foldable");
  button.hidden = false;
  button.addEventListener("click", function () {
    var open = header.classList.toggle("open");
    button.setAttribute("aria-expanded", open ? "true" : "false");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && header.classList.contains("open")) {
      header.classList.remove("open");
      button.setAttribute("aria-expanded", "false");
      button.focus();
    }
  });
})();
