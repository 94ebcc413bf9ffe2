// Error summary: move focus to it on load, so screen readers announce it and
// keyboard users start from it (without JavaScript it is still first in main).
// Its links go to the question's first radio; scroll to the question's
// legend instead, so the heading, hint and error stay in view (as GOV.UK does).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.querySelector("[data-focus-on-load]");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    event.preventDefault();
    var legend = input.closest("fieldset") && input.closest("fieldset").querySelector("legend");
    (legend || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
});
