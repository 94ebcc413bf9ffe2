// The questions sheets' Print button. It is hidden in the HTML and shown only
// here, so without JavaScript the sheet keeps its "use your browser's Print
// option" hint and no button that does nothing.
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
});
