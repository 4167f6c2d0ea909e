// peplint serve: show progress while a PEP is checked, and let a file be dropped on the page.
// The page works without this script; it only adds feedback.
document.addEventListener("DOMContentLoaded", () => {
  for (const form of document.querySelectorAll("form[data-progress]")) {
    form.addEventListener("submit", () => {
      const status = document.getElementById(form.dataset.progress);
      if (status) { status.hidden = false; }
      const button = form.querySelector("button[type=submit]");
      if (button) { button.disabled = true; button.textContent = "Checking..."; }
    });
  }
  const input = document.querySelector("input[type=file]");
  if (input) {
    for (const name of ["dragenter", "dragover"]) {
      input.addEventListener(name, () => input.classList.add("dragging"));
    }
    for (const name of ["dragleave", "drop"]) {
      input.addEventListener(name, () => input.classList.remove("dragging"));
    }
  }
});
