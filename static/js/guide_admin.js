/* The guide's admin: narrow each answer's "Open the page at" list to the
   sections of the page the answer leads to. Without JavaScript the list
   shows every page's sections, grouped by page, and the server checks the
   choice; this only saves scrolling. */
(function () {
  "use strict";

  function sectionSelectFor(pageSelect) {
    var name = pageSelect.name.replace(/-page$/, "-section");
    return document.querySelector('select[name="' + name + '"]');
  }

  function narrow(pageSelect) {
    var sections = sectionSelectFor(pageSelect);
    if (!sections) {
      return;
    }
    var chosen = pageSelect.selectedIndex > 0 ? pageSelect.options[pageSelect.selectedIndex].text : "";
    Array.prototype.forEach.call(sections.querySelectorAll("optgroup"), function (group) {
      var other = chosen !== "" && group.label !== chosen;
      group.hidden = other;
      group.disabled = other;
    });
    var selected = sections.options[sections.selectedIndex];
    if (selected && selected.parentElement.disabled) {
      sections.value = "";
    }
  }

  function isPageSelect(element) {
    return element && element.tagName === "SELECT" && /^answers-\d+-page$/.test(element.name);
  }

  document.addEventListener("change", function (event) {
    if (isPageSelect(event.target)) {
      narrow(event.target);
    }
  });
  document.addEventListener("formset:added", function (event) {
    Array.prototype.forEach.call(event.target.querySelectorAll("select"), function (select) {
      if (isPageSelect(select)) {
        narrow(select);
      }
    });
  });
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("select"), function (select) {
      if (isPageSelect(select)) {
        narrow(select);
      }
    });
  });
})();
