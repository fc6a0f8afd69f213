// The main navigation (app.css). On a phone the tab bar's More opens every room as a sheet; on a
// wide screen the less used rooms fold under a More list. Without this script every room stays
// listed (on a phone as one line that scrolls sideways, which the tab bar's More link leads to).
// Toasts get a button to put them away.
(function () {
  "use strict";
  var header = document.querySelector("header.top");
  var sheetButton = document.querySelector(".tabbar .more-toggle");
  var listButton = header && header.querySelector(".rooms-toggle");
  var list = document.getElementById("more-rooms");

  function setSheet(open) {
    header.classList.toggle("open", open);
    sheetButton.setAttribute("aria-expanded", open ? "true" : "false");
  }
  function setList(open) {
    list.classList.toggle("open", open);
    listButton.setAttribute("aria-expanded", open ? "true" : "false");
  }

  if (header && sheetButton && listButton && list) {
    header.classList.add("foldable");
    sheetButton.hidden = false;
    listButton.hidden = false;
    var noScriptMore = document.querySelector(".tabbar .more-link");
    if (noScriptMore) { noScriptMore.hidden = true; }
    sheetButton.addEventListener("click", function () { setSheet(!header.classList.contains("open")); });
    listButton.addEventListener("click", function () { setList(!list.classList.contains("open")); });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      if (header.classList.contains("open")) { setSheet(false); sheetButton.focus(); }
      if (list.classList.contains("open")) { setList(false); listButton.focus(); }
    });
    document.addEventListener("click", function (event) {  // a click elsewhere folds the list
      if (list.classList.contains("open") && !listButton.parentNode.contains(event.target)) { setList(false); }
    });
  }

  document.querySelectorAll(".flash .toast").forEach(function (toast) {
    var icons = toast.parentNode.getAttribute("data-icons");
    var close = document.createElement("button");
    close.type = "button";
    close.className = "toast-close";
    close.setAttribute("aria-label", "Dismiss");
    if (icons) {
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("class", "icon");
      svg.setAttribute("aria-hidden", "true");
      var use = document.createElementNS("http://www.w3.org/2000/svg", "use");
      use.setAttribute("href", icons + "#x");
      svg.appendChild(use);
      close.appendChild(svg);
    } else {
      close.textContent = "×";
    }
    close.addEventListener("click", function () {
      var flash = toast.parentNode;
      toast.remove();
      if (flash && !flash.querySelector(".toast")) { flash.remove(); }
    });
    toast.appendChild(close);
  });
})();
