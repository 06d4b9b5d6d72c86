// The admin's export page: the "select all" box of django-import-export, wired here rather than
// by an inline onchange attribute, which the Content-Security-Policy blocks.
document.addEventListener("DOMContentLoaded", () => {
  for (const toggle of document.querySelectorAll(".select-toggle")) {
    toggle.addEventListener("change", onSelectToggleChange);
  }
});
