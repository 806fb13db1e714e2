// Links each swimlane marker to its timeline row: click or focus a marker to highlight the row, and the reverse.
(function () {
  "use strict";
  function select(section, n) {
    section.querySelectorAll(".selected").forEach(function (el) { el.classList.remove("selected"); });
    var marker = section.querySelector('g.event[data-event="' + n + '"]');
    var row = section.querySelector('tr[data-event="' + n + '"]');
    if (marker) { marker.classList.add("selected"); }
    if (row) { row.classList.add("selected"); }
    return row;
  }
  var markers = 0;
  document.querySelectorAll("section.call").forEach(function (section) {
    section.querySelectorAll("g.event").forEach(function (marker) {
      markers++;
      var n = marker.getAttribute("data-event");
      var activate = function () {
        var row = select(section, n);
        if (row && row.scrollIntoView) { row.scrollIntoView({ block: "nearest" }); }
      };
      marker.addEventListener("click", activate);
      marker.addEventListener("focus", activate);
    });
    section.querySelectorAll("tr[data-event]").forEach(function (row) {
      row.addEventListener("mouseenter", function () { select(section, row.getAttribute("data-event")); });
    });
  });
  document.documentElement.setAttribute("data-report-ready", String(markers));
})();
