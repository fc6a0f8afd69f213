// Live mode: the countdown, the checklist, and saving every keystroke so nothing is lost.
//
// Every edit is written to localStorage first, then sent to the JSON API (debounced). An edit
// leaves the queue only when the server has confirmed it, so a closed tab, a crash or a dropped
// connection loses nothing: on the next load, queued edits newer than the server's copy are
// put back on the page and sent again. The server treats repeats as harmless.
(function () {
  "use strict";

  const root = document.getElementById("live");
  if (!root) return;

  const api = root.dataset.api;
  const storeKey = "coffeechat:live:" + root.dataset.meeting;
  const minutes = Number(root.dataset.minutes);
  const warningMinutes = Number(root.dataset.warningMinutes);
  // Server time minus this device's time, so the clock agrees with the stored start.
  const offset = Number(root.dataset.serverNow) * 1000 - Date.now();
  const now = () => Date.now() + offset;
  let startedAt = root.dataset.startedAt ? Number(root.dataset.startedAt) * 1000 : null;

  const status = document.getElementById("save-status");
  const clockTime = document.getElementById("clock-time");
  const clockStart = document.getElementById("clock-start");
  const warning = document.getElementById("clock-warning");
  const agenda = document.getElementById("live-agenda");
  const nextQuestion = document.getElementById("next-question");

  function csrfToken() {
    try {
      return JSON.parse(document.body.getAttribute("hx-headers") || "{}")["X-CSRFToken"] || "";
    } catch (e) {
      const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
      return match ? decodeURIComponent(match[1]) : "";
    }
  }

  // ---- the queue -------------------------------------------------------------------------
  let queue = {};
  try {
    queue = JSON.parse(localStorage.getItem(storeKey) || "{}") || {};
  } catch (e) {
    queue = {};
  }
  let flushing = false;
  let flushTimer = null;
  let retryDelay = 2000;

  function persist() {
    try {
      if (Object.keys(queue).length) localStorage.setItem(storeKey, JSON.stringify(queue));
      else localStorage.removeItem(storeKey);
    } catch (e) {
      // Storage full or disabled: the server copy is then the only copy; keep sending.
    }
  }

  function setStatus(state, text) {
    status.dataset.state = state;
    status.textContent = text;
  }

  function enqueue(key, entry, delay) {
    queue[key] = Object.assign({ at: now() }, entry);
    persist();
    setStatus("pending", "Unsaved changes…");
    scheduleFlush(delay === undefined ? 500 : delay);
  }

  function scheduleFlush(delay) {
    clearTimeout(flushTimer);
    flushTimer = setTimeout(flush, delay);
  }

  async function send(entry) {
    return fetch(api + entry.path, {
      method: entry.method,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
      credentials: "same-origin",
      body: JSON.stringify(entry.body),
    });
  }

  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      const keys = Object.keys(queue).sort((a, b) => queue[a].at - queue[b].at);
      for (const key of keys) {
        const entry = queue[key];
        if (!entry) continue;
        let response;
        try {
          response = await send(entry);
        } catch (e) {
          return retryLater("Unsaved — retrying (no connection)");
        }
        if (response.status >= 500 || response.status === 401 || response.status === 403) {
          return retryLater(
            response.status >= 500 ? "Unsaved — retrying" : "Unsaved — sign in again; your notes are kept here"
          );
        }
        // Answered (saved, or refused for a reason a retry won't fix): it leaves the queue,
        // unless a newer edit replaced it meanwhile.
        if (queue[key] && queue[key].at === entry.at) delete queue[key];
        persist();
        const body = await response.json().catch(() => ({}));
        if (response.ok) handlers.saved(entry, body);
        else handlers.refused(entry, body);
      }
      retryDelay = 2000;
      if (!Object.keys(queue).length) setStatus("saved", "Saved");
    } finally {
      flushing = false;
    }
  }

  function retryLater(text) {
    setStatus("retrying", text);
    scheduleFlush(retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  window.addEventListener("online", () => scheduleFlush(0));

  // ---- what each answer means for the page -----------------------------------------------
  const handlers = {
    saved(entry, body) {
      if (entry.kind === "start" && body.started_at) startedAt = Date.parse(body.started_at);
      if (entry.kind === "end") window.location.assign(root.dataset.reflectUrl);
      if (entry.kind === "referral") addCaptured("referral-list", body.name, "/contacts/" + body.id + "/");
      if (entry.kind === "resource") addCaptured("resource-list", body.title);
      if (entry.kind === "advice") addCaptured("advice-list", entry.body.text);
      if (entry.form) resetForm(entry.form);
      if (entry.field) showError(entry.field, "");
    },
    refused(entry, body) {
      const message = body.errors ? Object.values(body.errors).flat().join(" ") : body.detail;
      if (entry.field) showError(entry.field, message || "That couldn't be saved.");
      if (entry.form) formError(entry.form, body);
      setStatus("error", "Not saved: " + (message || "please check what you typed"));
    },
  };

  function addCaptured(listId, text, href) {
    const list = document.getElementById(listId);
    const empty = list.querySelector(".none");
    if (empty) empty.remove();
    const li = document.createElement("li");
    if (href) {
      const a = document.createElement("a");
      a.href = href;
      a.textContent = text;
      li.appendChild(a);
    } else {
      li.textContent = text;
    }
    list.appendChild(li);
  }

  function showError(fieldId, message) {
    const field = document.getElementById(fieldId);
    const error = field && field.parentElement.querySelector(".error");
    if (!error) return;
    error.textContent = message;
    error.hidden = !message;
  }

  function formError(kind, body) {
    const form = root.querySelector('.quick-form[data-kind="' + kind + '"]');
    form.querySelectorAll("p.error.dynamic").forEach((p) => p.remove());
    const errors = body.errors || { non_field: [body.detail || "Please check this form."] };
    for (const [name, messages] of Object.entries(errors)) {
      const input = form.querySelector('[name="' + name + '"]') || form.querySelector("button");
      const p = document.createElement("p");
      p.className = "error dynamic";
      p.setAttribute("role", "alert");
      p.textContent = [].concat(messages).join(" ");
      input.insertAdjacentElement("afterend", p);
    }
  }

  function resetForm(kind) {
    const form = root.querySelector('.quick-form[data-kind="' + kind + '"]');
    form.reset();
    form.querySelectorAll("p.error.dynamic").forEach((p) => p.remove());
  }

  // ---- the clock -------------------------------------------------------------------------
  function pad(n) {
    return String(n).padStart(2, "0");
  }

  function closersLeft() {
    return agenda
      ? [...agenda.querySelectorAll('.live-item[data-category="closing"] .asked')].some((c) => !c.checked)
      : false;
  }

  // The first question not asked yet: where "Next question" takes you.
  function firstOpen() {
    const items = agenda ? [...agenda.querySelectorAll(".live-item")] : [];
    return items.find((li) => !li.querySelector(".asked").checked) || null;
  }

  function tick() {
    if (!startedAt) return;
    nextQuestion.hidden = !firstOpen();
    const left = Math.round((startedAt + minutes * 60000 - now()) / 1000);
    const abs = Math.abs(left);
    clockTime.textContent = (left < 0 ? "+" : "") + Math.floor(abs / 60) + ":" + pad(abs % 60);
    clockTime.dataset.state = left < 0 ? "over" : left <= warningMinutes * 60 ? "soon" : "running";
    let text = "";
    if (left < 0) {
      text =
        "You've reached the " + minutes + " minutes you asked for. Offer to wrap up; " +
        "if they'd like to keep going, that's their choice to make.";
    } else if (left <= warningMinutes * 60 && closersLeft()) {
      text =
        "About " + Math.max(1, Math.ceil(left / 60)) + " minutes left: a good moment for " +
        "your closing questions, so you leave with their advice and the next names.";
    }
    warning.textContent = text;
    warning.hidden = !text;
  }

  clockStart.addEventListener("click", () => {
    startedAt = now();
    clockStart.hidden = true;
    enqueue("start", { kind: "start", method: "POST", path: "/start", body: {} }, 0);
    tick();
  });
  setInterval(tick, 1000);

  // One thumb, mid-conversation: bring the next open question into view with its notes open.
  nextQuestion.addEventListener("click", () => {
    const li = firstOpen();
    if (!li) return;
    const toggle = li.querySelector(".item-toggle");
    const notes = document.getElementById(toggle.getAttribute("aria-controls"));
    notes.hidden = false;
    toggle.setAttribute("aria-expanded", "true");
    li.scrollIntoView({ block: "center" });
    toggle.focus({ preventScroll: true });
  });

  // ---- the agenda ------------------------------------------------------------------------
  function itemPath(li) {
    return "/agenda/items/" + li.dataset.item;
  }

  function saveOrder() {
    const ids = [...agenda.querySelectorAll(".live-item")].map((li) => Number(li.dataset.item));
    enqueue("order", { kind: "order", method: "POST", path: "/agenda/order", body: { items: ids } }, 0);
  }

  if (agenda) {
    agenda.addEventListener("change", (event) => {
      const box = event.target.closest(".asked");
      if (!box) return;
      const li = box.closest(".live-item");
      li.classList.toggle("is-asked", box.checked);
      enqueue("asked:" + li.dataset.item, {
        kind: "field", method: "PATCH", path: itemPath(li), body: { asked: box.checked },
        target: "asked-" + li.dataset.item,
      }, 0);
      tick();
    });
    agenda.addEventListener("input", (event) => {
      const area = event.target.closest(".item-notes-field");
      if (!area) return;
      const li = area.closest(".live-item");
      enqueue("notes:" + li.dataset.item, {
        kind: "field", method: "PATCH", path: itemPath(li), body: { notes: area.value },
        target: area.id, field: area.id,
      });
    });
    agenda.addEventListener("click", (event) => {
      const toggle = event.target.closest(".item-toggle");
      const li = event.target.closest(".live-item");
      if (toggle) {
        const notes = document.getElementById(toggle.getAttribute("aria-controls"));
        notes.hidden = !notes.hidden;
        toggle.setAttribute("aria-expanded", String(!notes.hidden));
        if (!notes.hidden) notes.querySelector("textarea").focus();
      } else if (event.target.closest(".move-up") && li.previousElementSibling) {
        li.parentNode.insertBefore(li, li.previousElementSibling);
        saveOrder();
      } else if (event.target.closest(".move-down") && li.nextElementSibling) {
        li.parentNode.insertBefore(li.nextElementSibling, li);
        saveOrder();
      }
    });
  }

  const meetingNotes = document.getElementById("meeting-notes");
  meetingNotes.addEventListener("input", () => {
    enqueue("notes:meeting", {
      kind: "field", method: "PATCH", path: "/notes", body: { notes: meetingNotes.value },
      target: "meeting-notes", field: "meeting-notes",
    });
  });

  // ---- quick add: referral, resource, advice ---------------------------------------------
  root.querySelectorAll(".quick-form").forEach((form) => {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const kind = form.dataset.kind;
      const body = Object.fromEntries(new FormData(form).entries());
      const paths = { referral: "/referrals", resource: "/resources", advice: "/advice" };
      const key = kind + ":" + now() + ":" + Math.random().toString(36).slice(2, 8);
      enqueue(key, { kind: kind, method: "POST", path: paths[kind], body: body, form: kind }, 0);
    });
  });

  document.getElementById("end-meeting").addEventListener("click", () => {
    enqueue("end", { kind: "end", method: "POST", path: "/end", body: {} }, 0);
  });

  // ---- on load: put back what the server hasn't seen, then send it ------------------------
  function restore() {
    for (const [key, entry] of Object.entries(queue)) {
      if (entry.kind === "field") {
        const target = document.getElementById(entry.target);
        const holder = target && (target.closest("[data-updated]") || root);
        const serverUpdated = holder ? Number(holder.dataset.updated) * 1000 : 0;
        if (!target || entry.at <= serverUpdated) {
          delete queue[key]; // the server already has this, or something newer
          continue;
        }
        if (target.type === "checkbox") target.checked = entry.body.asked;
        else target.value = entry.body.notes;
        const notes = target.closest(".item-notes");
        if (notes) notes.hidden = false;
      } else if (entry.kind === "order") {
        entry.body.items.forEach((id) => {
          const li = agenda && agenda.querySelector('[data-item="' + id + '"]');
          if (li) agenda.appendChild(li);
        });
      } else if (entry.kind === "start" && !startedAt) {
        startedAt = entry.at;
        clockStart.hidden = true;
      }
    }
    persist();
    if (Object.keys(queue).length) {
      setStatus("pending", "Unsaved changes from last time — sending");
      scheduleFlush(0);
    }
  }

  restore();
  tick();
})();
