// Composer: what needs a browser API. Findings refresh through htmx (see compose.html); this
// file adds saving as you type, the leave warning, switching kind with Undo, the recipient
// picker and copying. No inline handlers (CSP-friendly); without it the page is plain forms.
(function () {
  "use strict";

  var SAVE_AFTER_MS = 1000; // typing stopped this long: save
  var FIRST_RETRY_MS = 2000; // then 4 s, 8 s … up to 30 s
  var LOOKUP_AFTER_MS = 150;

  function json(response) {
    return response.json().then(function (body) {
      return { ok: response.ok, status: response.status, body: body };
    });
  }

  function fire(element, type) {
    element.dispatchEvent(new Event(type, { bubbles: true }));
  }

  // --- Copy -------------------------------------------------------------------------------
  function setUpCopy() {
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
        navigator.clipboard.writeText(source.value).then(
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

  // --- Saving as you type, and the leave warning -------------------------------------------
  function setUpComposer(form) {
    var status = form.querySelector(".save-status");
    var kind = form.querySelector("select[name=kind]");
    var channel = form.querySelector("select[name=channel]");
    var subject = form.querySelector("[name=subject]");
    var body = form.querySelector("[name=body]");
    var undoBar = form.querySelector(".undo-bar");
    var saveUrl = form.getAttribute("data-autosave-url");
    var exists = /\/messages\/\d+\//.test(form.getAttribute("action"));
    var dirty = false; // typed since the last save
    var touched = exists; // the user has written something of their own here
    var saving = false;
    var again = false;
    var leaving = false;
    var pendingSubmit = null;
    var timer = null;
    var retryMs = FIRST_RETRY_MS;

    function say(text) {
      status.textContent = text;
    }

    function schedule(ms) {
      clearTimeout(timer);
      timer = setTimeout(save, ms);
    }

    function changed() {
      if (!touched) {
        return; // an untouched new draft isn't saved until the user writes in it
      }
      dirty = true;
      leaving = false;
      schedule(SAVE_AFTER_MS);
    }

    function moved(saved) {
      exists = true;
      if (saved.autosave !== saveUrl) {
        saveUrl = saved.autosave;
        form.setAttribute("action", saved.url);
        history.replaceState(history.state, "", saved.url);
      }
    }

    function finished() {
      saving = false;
      if (pendingSubmit !== null) {
        var submitter = pendingSubmit;
        pendingSubmit = null;
        form.requestSubmit(submitter);
      } else if (again) {
        again = false;
        save();
      }
    }

    function save() {
      clearTimeout(timer);
      if (!dirty) {
        return;
      }
      if (saving) {
        again = true; // one save at a time, so a new draft is created once
        return;
      }
      saving = true;
      dirty = false;
      say("Saving…");
      fetch(saveUrl, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(json)
        .then(function (answer) {
          if (answer.ok) {
            retryMs = FIRST_RETRY_MS;
            moved(answer.body);
            if (!dirty) {
              say("Saved");
            }
          } else if (answer.status === 422 || answer.status === 409) {
            dirty = true; // kept on screen; saved once it can be
            var errors = answer.body.errors || {};
            var first = Object.keys(errors).map(function (k) { return errors[k][0]; })[0];
            say("Not saved yet: " + (first || answer.body.error || "check the fields above."));
          } else {
            throw new Error(String(answer.status));
          }
          finished();
        })
        .catch(function () {
          dirty = true;
          say("Not saved — retrying");
          saving = false;
          schedule(retryMs);
          retryMs = Math.min(retryMs * 2, 30000);
        });
    }

    form.addEventListener("input", function (event) {
      if (!event.isTrusted || event.target === kind) {
        return;
      }
      touched = true;
      if (event.target === body || event.target === subject) {
        undoBar.hidden = true; // new words after a switch: Undo would throw them away
      }
      changed();
    });
    form.addEventListener("focusout", function () {
      if (dirty) {
        save();
      }
    });
    form.addEventListener("submit", function (event) {
      if (saving && !exists) {
        event.preventDefault(); // the first save is creating it: submit to it once it exists
        pendingSubmit = event.submitter || null;
        return;
      }
      clearTimeout(timer);
      leaving = true;
    });
    window.addEventListener("beforeunload", function (event) {
      if ((dirty || saving) && !leaving) {
        event.preventDefault();
        event.returnValue = "";
      }
    });

    // --- Channel: the subject and .eml are for e-mail only --------------------------------
    function showChannel() {
      form.querySelectorAll("[data-email-only]").forEach(function (element) {
        element.hidden = channel.value !== "email";
      });
    }
    channel.addEventListener("change", showChannel);

    // --- Kind and Start over, with Undo ---------------------------------------------------
    var shownKind = kind.value;
    var notes = document.getElementById("draft-notes");
    var undoText = undoBar.querySelector(".undo-text");
    var undoButton = undoBar.querySelector(".undo");
    var undoState = null;
    var restart = form.querySelector("button.restart");

    function current() {
      return {
        kind: shownKind,
        channel: channel.value,
        subject: subject.value,
        body: body.value,
        notes: notes.cloneNode(true),
      };
    }

    function apply(state) {
      kind.value = state.kind;
      shownKind = state.kind;
      channel.value = state.channel;
      subject.value = state.subject;
      body.value = state.body;
      showChannel();
      fire(body, "change"); // the findings follow the new text
      if (!exists) { // a reload of a draft not yet saved brings back this kind
        var address = new URL(location.href);
        address.searchParams.set("kind", state.kind);
        history.replaceState(history.state, "", address.toString());
      }
      changed();
    }

    function notesFor(draft) {
      var fresh = document.createElement("div");
      fresh.id = "draft-notes";
      if (draft.missing) {
        var p = document.createElement("p");
        p.className = "notice";
        p.textContent = "A few things only you can say are marked in [brackets]: fill them in before sending.";
        fresh.appendChild(p);
      }
      if (draft.tips.length) {
        var tips = document.createElement("div");
        tips.className = "notice tips";
        tips.setAttribute("role", "note");
        draft.tips.forEach(function (tip) {
          var line = document.createElement("p");
          line.textContent = tip;
          tips.appendChild(line);
        });
        fresh.appendChild(tips);
      }
      return fresh;
    }

    function showNotes(fresh) {
      notes.replaceWith(fresh);
      notes = fresh;
    }

    function offerUndo(text, before) {
      undoState = before;
      undoText.textContent = text;
      undoBar.hidden = false;
    }

    function fetchDraft(wanted, describe) {
      var before = current();
      var params = new URLSearchParams(location.search);
      var query = new URLSearchParams({
        contact: form.querySelector("[name=contact]").value,
        kind: wanted,
      });
      ["meeting", "about"].forEach(function (name) {
        if (params.get(name)) {
          query.set(name, params.get(name));
        }
      });
      say("Getting the draft…");
      fetch(form.getAttribute("data-draft-url") + "?" + query.toString(), { credentials: "same-origin" })
        .then(json)
        .then(function (answer) {
          if (!answer.ok) {
            throw new Error(String(answer.status));
          }
          var draft = answer.body;
          say("");
          apply({ kind: draft.kind, channel: draft.channel, subject: draft.subject, body: draft.body });
          showNotes(notesFor(draft));
          offerUndo(describe(draft), before);
        })
        .catch(function () {
          kind.value = shownKind;
          say("We couldn't get that draft just now; your text is as it was. Try again in a moment.");
        });
    }

    kind.addEventListener("change", function () {
      fetchDraft(kind.value, function (draft) { return "Switched to " + draft.label + "."; });
    });
    restart.addEventListener("click", function (event) {
      event.preventDefault();
      fetchDraft(kind.value, function () { return "Started over with a fresh draft."; });
    });
    undoButton.addEventListener("click", function () {
      if (undoState === null) {
        return;
      }
      var before = undoState;
      undoState = null;
      undoBar.hidden = true;
      apply(before);
      showNotes(before.notes);
      say("Your earlier text is back.");
      body.focus();
    });
  }

  // --- Recipient picker: an accessible combobox over the user's contacts -------------------
  function setUpPicker(input) {
    var form = input.form;
    var list = document.getElementById(input.getAttribute("aria-controls"));
    var chosen = form.querySelector("input[name=contact]");
    var url = input.getAttribute("data-search-url");
    var found = [];
    var active = -1;
    var asked = 0;
    var timer = null;

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      var options = list.querySelectorAll("[role=option]");
      options.forEach(function (option, i) {
        option.setAttribute("aria-selected", i === index ? "true" : "false");
      });
      active = index;
      if (index >= 0 && options[index]) {
        input.setAttribute("aria-activedescendant", options[index].id);
        options[index].scrollIntoView({ block: "nearest" });
      }
    }

    function choose(index) {
      var contact = found[index];
      if (!contact) {
        return;
      }
      chosen.value = String(contact.id);
      input.value = contact.name;
      close();
      form.requestSubmit();
    }

    function show(contacts) {
      found = contacts;
      list.textContent = "";
      if (!contacts.length) {
        var none = document.createElement("li");
        none.className = "none";
        none.setAttribute("role", "option");
        none.setAttribute("aria-disabled", "true");
        none.id = input.id + "-none";
        none.textContent = "No contact matches that yet. Try part of a name, an organization or an e-mail.";
        list.appendChild(none);
      }
      contacts.forEach(function (contact, i) {
        var option = document.createElement("li");
        option.id = input.id + "-option-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", "false");
        var name = document.createElement("span");
        name.className = "name";
        name.textContent = contact.name;
        option.appendChild(name);
        if (contact.detail) {
          var detail = document.createElement("span");
          detail.className = "muted";
          detail.textContent = contact.detail;
          option.appendChild(detail);
        }
        option.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the field
        });
        option.addEventListener("click", function () { choose(i); });
        list.appendChild(option);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      active = -1;
    }

    function lookUp() {
      var q = input.value.trim();
      if (!q) {
        close();
        return;
      }
      var ticket = ++asked;
      fetch(url + "?" + new URLSearchParams({ q: q }).toString(), { credentials: "same-origin" })
        .then(json)
        .then(function (answer) {
          if (ticket === asked && answer.ok) {
            show(answer.body.contacts);
          }
        })
        .catch(function () { /* the search button still works */ });
    }

    input.addEventListener("input", function () {
      chosen.value = "";
      clearTimeout(timer);
      timer = setTimeout(lookUp, LOOKUP_AFTER_MS);
    });
    input.addEventListener("keydown", function (event) {
      var open = !list.hidden && found.length > 0;
      if (event.key === "ArrowDown") {
        event.preventDefault();
        if (list.hidden) {
          lookUp();
        } else if (open) {
          highlight((active + 1) % found.length);
        }
      } else if (event.key === "ArrowUp") {
        if (open) {
          event.preventDefault();
          highlight(active <= 0 ? found.length - 1 : active - 1);
        }
      } else if (event.key === "Enter") {
        if (open && (active >= 0 || found.length === 1)) {
          event.preventDefault();
          choose(active >= 0 ? active : 0);
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          event.preventDefault();
          close();
        }
      }
    });
    input.addEventListener("blur", close);
  }

  function setUp() {
    setUpCopy();
    var form = document.getElementById("compose-form");
    if (form) {
      setUpComposer(form);
    }
    var picker = document.querySelector("input[role=combobox][data-search-url]");
    if (picker) {
      setUpPicker(picker);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
