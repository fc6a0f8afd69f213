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

// Exports: a large file takes a while to prepare, and until it is ready the browser shows
// nothing. Say so when a button is pressed, then say when the download has begun: the link
// carries a token and the server answers with it in the `export_ready` cookie.
{
  const exportStatus = document.getElementById("export-status");
  const exportList = document.querySelector("ul.exports");
  if (exportStatus && exportList) {
    let waiting = null;
    const READY = "export_ready";
    const stopWaiting = () => {
      clearInterval(waiting);
      waiting = null;
      document.cookie = `${READY}=; Max-Age=0; path=/; SameSite=Lax`;
    };
    exportList.querySelectorAll("a[data-export]").forEach((link) => {
      link.addEventListener("click", (event) => {
        if (waiting !== null) {
          event.preventDefault(); // one file at a time; the first is still being prepared
          return;
        }
        const token = Math.random().toString(36).slice(2, 12).padEnd(6, "0");
        const url = new URL(link.href, window.location.href);
        url.searchParams.set("ready", token);
        link.href = url.toString(); // the download below uses the link as it is now
        const wait = link.dataset.export;
        const count = exportList.dataset.contacts;
        exportStatus.textContent = wait
          ? `Preparing your file… (${count} contacts, ${wait})`
          : "Preparing your file…";
        const started = Date.now();
        waiting = setInterval(() => {
          if (document.cookie.split("; ").includes(`${READY}=${token}`)) {
            stopWaiting();
            exportStatus.textContent =
              "Your download has started: your browser shows it with your other downloads.";
          } else if (Date.now() - started > 10 * 60 * 1000) {
            stopWaiting();
            exportStatus.textContent =
              "This is taking longer than it should. If no download appeared, try again.";
          }
        }, 400);
      });
    });
  }
}
