// The board's "Show more" (htmx swaps the link for the next cards): the link that had the focus
// is gone, so the focus moves to the first card it brought, where reading goes on. Without this
// script the cards arrive all the same; only the focus falls back to the page.
(function () {
  "use strict";
  document.addEventListener("htmx:afterSettle", function () {
    var first = document.querySelector(".board-card.page-start:not([data-seen]) .name");
    if (!first) { return; }
    first.closest(".board-card").setAttribute("data-seen", "");
    first.focus();
  });
})();
