// While a confirmed import runs, show that something is happening and prevent a second click.
document.querySelectorAll("form[data-importing]").forEach((form) => {
  form.addEventListener("submit", () => {
    const note = form.querySelector(".importing");
    if (note) note.hidden = false;
    form.querySelectorAll("button").forEach((button) => { button.disabled = true; });
  });
});
