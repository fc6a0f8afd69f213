// Keyboard shortcuts, on every page (docs/today.md): j / k move between the rows of a list
// (elements marked data-row; the focus goes to the row's link marked data-row-link, so Enter
// opens it), / finds the search field (the contact search when the page has none), c writes a
// message, ? lists the shortcuts. Nothing fires while you type in a field or hold Ctrl, Alt or
// Meta. Row menus (<details class="row-menu">) close with Escape, a click elsewhere, or j / k.
(function () {
  "use strict";
  var script = document.currentScript;
  var contactsUrl = script.getAttribute("data-contacts");
  var composeUrl = script.getAttribute("data-compose");
  var SEARCH_HASH = "#search";

  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = script.getAttribute("data-style");
  document.head.appendChild(style);

  function typing(target) {
    if (!target || !target.closest) { return false; }
    return target.isContentEditable || !!target.closest("input, textarea, select, [contenteditable]");
  }

  function visible(element) {
    return element.getClientRects().length > 0;
  }

  function rows() {
    return Array.prototype.filter.call(document.querySelectorAll("[data-row]"), visible);
  }

  function current(list) {
    var here = document.activeElement && document.activeElement.closest
      ? document.activeElement.closest("[data-row]") : null;
    if (here && list.indexOf(here) >= 0) { return list.indexOf(here); }
    var marked = document.querySelector("[data-row][aria-current]");
    return marked ? list.indexOf(marked) : -1;
  }

  function move(step) {
    var list = rows();
    if (!list.length) { return false; }
    closeMenus(null);  // moving on leaves an open menu behind
    var at = current(list);
    var next = at < 0 ? (step > 0 ? 0 : list.length - 1) : Math.min(Math.max(at + step, 0), list.length - 1);
    var marked = document.querySelectorAll("[data-row][aria-current]");
    Array.prototype.forEach.call(marked, function (row) { row.removeAttribute("aria-current"); });
    var row = list[next];
    row.setAttribute("aria-current", "true");
    var link = row.querySelector("[data-row-link]") || row.querySelector("a[href]");
    if (link) { link.focus({ preventScroll: true }); }
    row.scrollIntoView({ block: "nearest" });
    return true;
  }

  function searchField() {
    var fields = document.querySelectorAll("main input[type=search]");
    return Array.prototype.filter.call(fields, visible)[0] || null;
  }

  function findSomething() {
    var field = searchField();
    if (field) {
      field.focus();
      if (field.select) { field.select(); }
      return true;
    }
    if (!contactsUrl) { return false; }
    window.location.assign(contactsUrl + SEARCH_HASH);
    return true;
  }

  var help = null;
  function helpDialog() {
    if (help) { return help; }
    help = document.createElement("dialog");
    help.className = "keys-help";
    help.setAttribute("aria-labelledby", "keys-help-title");
    var shortcuts = [
      ["j", "Next row in a list"],
      ["k", "Previous row"],
      ["Enter", "Open the row you are on"],
      ["/", "Search (your contacts, when the page has no search of its own)"],
      ["c", "Write a message"],
      ["?", "This list"],
      ["Esc", "Close this list, or a row's menu"]
    ];
    var title = document.createElement("h2");
    title.id = "keys-help-title";
    title.textContent = "Keyboard shortcuts";
    var list = document.createElement("dl");
    shortcuts.forEach(function (pair) {
      var key = document.createElement("dt");
      var kbd = document.createElement("kbd");
      kbd.textContent = pair[0];
      key.appendChild(kbd);
      var what = document.createElement("dd");
      what.textContent = pair[1];
      list.appendChild(key);
      list.appendChild(what);
    });
    var note = document.createElement("p");
    note.className = "muted";
    note.textContent = "They stay quiet while you type in a field.";
    var form = document.createElement("form");
    form.method = "dialog";
    var close = document.createElement("button");
    close.textContent = "Close";
    form.appendChild(close);
    help.appendChild(title);
    help.appendChild(list);
    help.appendChild(note);
    help.appendChild(form);
    document.body.appendChild(help);
    return help;
  }

  function showHelp() {
    var dialog = helpDialog();
    if (!dialog.open) { dialog.showModal(); }
    return true;
  }

  var ACTIONS = {
    j: function () { return move(1); },
    k: function () { return move(-1); },
    "/": findSomething,
    c: function () {
      if (!composeUrl) { return false; }
      window.location.assign(composeUrl);
      return true;
    },
    "?": showHelp
  };

  function closeMenus(except) {
    var open = document.querySelectorAll("details.row-menu[open]");
    Array.prototype.forEach.call(open, function (menu) {
      if (menu !== except) { menu.open = false; }
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      var menu = event.target.closest && event.target.closest("details.row-menu[open]");
      if (menu) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
      return;
    }
    if (event.ctrlKey || event.altKey || event.metaKey || event.defaultPrevented) { return; }
    if (typing(event.target) || (help && help.open)) { return; }
    var action = Object.prototype.hasOwnProperty.call(ACTIONS, event.key) ? ACTIONS[event.key] : null;
    if (action && action()) { event.preventDefault(); }
  });

  document.addEventListener("click", function (event) {
    closeMenus(event.target.closest ? event.target.closest("details.row-menu") : null);
  });

  // A menu opened near the bottom of the screen (or above a phone's tab bar) opens upward
  // instead, so its buttons are never hidden. "toggle" doesn't bubble: listen on the way down.
  document.addEventListener("toggle", function (event) {
    var menu = event.target;
    if (!menu.matches || !menu.matches("details.row-menu")) { return; }
    var panel = menu.querySelector(".menu-panel");
    if (!menu.open || !panel) { return; }
    panel.classList.remove("up");
    var bar = document.querySelector(".tabbar");
    var floor = bar && visible(bar) ? bar.getBoundingClientRect().top : window.innerHeight;
    var room = panel.getBoundingClientRect();
    var row = menu.closest("[data-row]") || menu;
    if (room.bottom > floor && row.getBoundingClientRect().top - room.height > 0) {
      panel.classList.add("up");
    }
  }, true);

  // Arriving from "/" on a page without a search: put the cursor in this one.
  if (window.location.hash === SEARCH_HASH) {
    var field = searchField();
    if (field) { field.focus(); }
  }

  // A discreet reminder at the foot of the page, on wide screens only: a phone has no
  // keyboard to remind of (and its page ends with its own content, above the tab bar).
  var main = document.querySelector("main");
  var wide = window.matchMedia("(min-width: 60rem)");
  if (main) {
    var hint = document.createElement("p");
    var place = function () {
      if (wide.matches) { main.appendChild(hint); } else if (hint.parentNode) { hint.remove(); }
    };
    wide.addEventListener("change", place);
    hint.className = "keys-hint";
    var open = document.createElement("button");
    open.type = "button";
    open.className = "link";
    open.textContent = "Keyboard shortcuts: ?";
    open.addEventListener("click", showHelp);
    hint.appendChild(open);
    place();
  }
})();
