// While a confirmed import runs, show that something is happening and prevent a second click.
// The button that was pressed says what to do (import, or keep the fields of work): disabled
// buttons aren't sent, so its choice travels in a hidden input.
document.querySelectorAll("form[data-importing]").forEach((form) => {
  form.addEventListener("submit", (event) => {
    const pressed = event.submitter;
    if (pressed && pressed.name) {
      const kept = document.createElement("input");
      kept.type = "hidden";
      kept.name = pressed.name;
      kept.value = pressed.value;
      form.append(kept);
    }
    const note = form.querySelector(".importing");
    if (note && (!pressed || pressed.value === "confirm")) note.hidden = false;
    Array.from(form.elements).forEach((element) => {
      if (element.tagName === "BUTTON") element.disabled = true;
    });
  });
});
