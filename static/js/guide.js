// Move focus to the error summary, so screen readers announce it and
// keyboard users start from it. Without JavaScript it is still first in main.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (summary) {
    summary.focus();
  }
});
