// Composer: copy the text to the clipboard. Findings refresh through htmx (see compose.html);
// this file only adds what needs a browser API. No inline handlers (CSP-friendly).
(function () {
  "use strict";

  function setUp() {
    if (!navigator.clipboard || !window.isSecureContext) {
      return; // the button stays hidden; selecting the text by hand still works
    }
    document.querySelectorAll("button.copy[data-copy-from]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var source = document.querySelector(button.getAttribute("data-copy-from"));
        var status = document.querySelector(".copy-status");
        if (!source) {
          return;
        }
        var subject = document.querySelector("#id_subject");
        var text = source.value;
        navigator.clipboard.writeText(text).then(
          function () {
            if (status) {
              status.textContent = subject && subject.value
                ? "Copied the text. The subject is above it, to paste separately."
                : "Copied. Paste it wherever you write to them.";
            }
          },
          function () {
            if (status) {
              status.textContent = "Your browser didn't allow copying; select the text and copy it by hand.";
            }
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
