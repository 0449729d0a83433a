/* Sortable career table. Each club is a <tbody> whose club cell spans its seasons, so a
   sort moves whole club groups, ordered by the group's total row (or club name, or career
   order for the season column); the seasons inside a group keep their order and spans.
   Without this script the table reads in career order and has no buttons. Loaded with
   `defer` from the site (the Content-Security-Policy allows no inline script). */
(function () {
  "use strict";

  function numberIn(cell) {
    if (!cell) return null;
    var digits = cell.textContent.replace(/[^0-9]/g, "");
    return digits === "" ? null : parseInt(digits, 10);
  }

  /* The heading of the column group above a second-row header cell ("League" over "Apps"). */
  function groupLabel(table, cell) {
    var rows = table.tHead.rows;
    var column = 0;
    for (var i = 0; i < rows[0].cells.length; i++) {
      var head = rows[0].cells[i];
      if (head.rowSpan > 1) column += head.colSpan;
    }
    var target = column + cell.cellIndex;
    var at = 0;
    for (var j = 0; j < rows[0].cells.length; j++) {
      var group = rows[0].cells[j];
      if (target >= at && target < at + group.colSpan) return group.textContent.trim();
      at += group.colSpan;
    }
    return "";
  }

  function setUp(table) {
    /* The headers spanning both header rows are, in order, those the attribute names. */
    var spanning = table.tHead.rows[0].querySelectorAll("th[rowspan]");
    table.dataset.sortable.split(" ").forEach(function (name, i) {
      if (name && spanning[i]) spanning[i].dataset.sort = name;
    });
    var heads = Array.prototype.slice.call(table.tHead.querySelectorAll("th[data-sort]"));
    var numberHeads = heads.filter(function (th) { return th.dataset.sort === "number"; });
    var lang = document.documentElement.lang || undefined;
    var state = { head: null, descending: false };

    function key(group, th) {
      if (th.dataset.sort === "club") return group.dataset.club || "";
      if (th.dataset.sort === "season") return Number(group.dataset.order);
      var total = group.querySelector("tr.subtotal");
      return numberIn(total ? total.querySelectorAll("td")[numberHeads.indexOf(th)] : null);
    }

    function compare(a, b, th, descending) {
      var x = key(a, th);
      var y = key(b, th);
      if (x === null && y === null) return Number(a.dataset.order) - Number(b.dataset.order);
      if (x === null) return 1; /* unknown or did not take part: last either way */
      if (y === null) return -1;
      var order = typeof x === "string" ? x.localeCompare(y, lang) : x - y;
      if (order === 0) return Number(a.dataset.order) - Number(b.dataset.order);
      return descending ? -order : order;
    }

    function sortBy(th, descending) {
      var groups = Array.prototype.slice.call(table.tBodies);
      groups.sort(function (a, b) { return compare(a, b, th, descending); });
      var foot = table.tFoot;
      groups.forEach(function (group) { table.insertBefore(group, foot); });
      heads.forEach(function (other) { other.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", descending ? "descending" : "ascending");
      state.head = th;
      state.descending = descending;
    }

    heads.forEach(function (th) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort-button";
      while (th.firstChild) button.appendChild(th.firstChild);
      var arrow = document.createElement("span");
      arrow.className = "sort-arrow";
      arrow.setAttribute("aria-hidden", "true");
      button.appendChild(arrow);
      if (th.dataset.sort === "number") {
        var group = groupLabel(table, th);
        if (group) button.setAttribute("aria-label", group + " " + button.textContent.trim());
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        var numbers = th.dataset.sort === "number";
        var descending = state.head === th ? !state.descending : numbers;
        sortBy(th, descending);
      });
    });

    /* The server sends the clubs in career order: say so. */
    var season = table.tHead.querySelector('th[data-sort="season"]');
    if (season) {
      season.setAttribute("aria-sort", "ascending");
      state.head = season;
    }
    table.classList.add("is-sortable");
  }

  document.querySelectorAll("table[data-sortable]").forEach(setUp);
})();
