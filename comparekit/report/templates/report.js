"use strict";
(function () {
  // Data comes from a JSON script element and is only ever put into the page through
  // textContent / classList, never as markup.
  var data = JSON.parse(document.getElementById("ck-data").textContent);
  var RELS = { same: 1, overlap: 1, divergent: 1, related: 1 };
  var segEls = new Map();
  document.querySelectorAll(".text .seg[data-seg]").forEach(function (el) {
    segEls.set(el.getAttribute("data-seg"), el);
  });
  var pinned = null;

  function relClass(rel) { return "hl-" + (RELS[rel] ? rel : "other"); }

  function clear(cls) {
    document.querySelectorAll("." + cls).forEach(function (el) { el.classList.remove(cls); });
  }

  function highlight(id, on, scroll) {
    var rows = data.links[id] || [];
    var own = segEls.get(id);
    if (own) own.classList.toggle("selected", on);
    rows.forEach(function (row) {
      row[2].forEach(function (other) {
        var el = segEls.get(other);
        if (!el) return;
        el.classList.toggle(relClass(row[1]), on);
        el.classList.toggle("counterpart", on);
        if (on && scroll) scrollInto(el);
      });
    });
  }

  function scrollInto(el) {
    var box = el.closest(".text");
    if (!box) return;
    var top = el.offsetTop - box.clientHeight / 3;
    box.scrollTop = Math.max(0, top);
  }

  function unpin() {
    if (pinned === null) return;
    highlight(pinned, false, false);
    ["selected", "counterpart", "hl-same", "hl-overlap", "hl-divergent", "hl-related", "hl-other"].forEach(clear);
    pinned = null;
  }

  function pin(id, scrollOwn) {
    var again = pinned === id;
    unpin();
    if (again) return;
    pinned = id;
    highlight(id, true, true);
    var own = segEls.get(id);
    if (own && scrollOwn) scrollInto(own);
  }

  segEls.forEach(function (el, id) {
    el.addEventListener("click", function (ev) { ev.stopPropagation(); pin(id, false); });
    el.addEventListener("mouseenter", function () { if (pinned === null) highlight(id, true, false); });
    el.addEventListener("mouseleave", function () { if (pinned === null) highlight(id, false, false); });
  });

  document.querySelectorAll("[data-pick]").forEach(function (el) {
    el.addEventListener("click", function () {
      var id = el.getAttribute("data-pick");
      if (segEls.has(id)) { pin(id, true); document.getElementById("sbs").scrollIntoView(); }
    });
  });
  document.querySelectorAll("svg.heatmap rect[data-a]").forEach(function (el) {
    el.addEventListener("click", function () {
      var a = el.getAttribute("data-a"), b = el.getAttribute("data-b");
      unpin();
      [a, b].forEach(function (id) {
        var s = segEls.get(id);
        if (s) { s.classList.add("selected"); scrollInto(s); }
      });
      pinned = a;
      document.getElementById("sbs").scrollIntoView();
    });
  });

  // Tooltips for flags and divergent words. A piece that is both is a div mark inside a
  // flag mark (covering the same characters), so either one shows both.
  var tip = document.getElementById("tip");
  function line(label, value) {
    var p = document.createElement("div");
    var b = document.createElement("b");
    b.textContent = label + " ";
    p.appendChild(b);
    p.appendChild(document.createTextNode(value));
    tip.appendChild(p);
  }
  function idsOf(el, attr) {
    return el ? (el.getAttribute(attr) || "").split(" ").filter(Boolean) : [];
  }
  function showTip(mark, ev) {
    var fmark = mark.closest("mark.flag[data-flags]");
    var dmark = mark.matches("mark.div[data-divs]") ? mark : mark.querySelector(":scope > mark.div[data-divs]");
    var ids = idsOf(fmark, "data-flags").filter(function (id) {
      return data.flags[id] && !fmark.classList.contains("flag-off") && flagOn(id);
    });
    var divs = idsOf(dmark, "data-divs").filter(function (id) { return data.divergences[id]; });
    if (!ids.length && !divs.length) return;
    tip.textContent = "";
    ids.forEach(function (id) {
      var f = data.flags[id];
      line(id, f.category + "/" + f.type + " (" + f.severity + ", confidence " + f.confidence + ")");
      line("", f.message);
      if (f.suggestion) line("suggestion:", f.suggestion);
    });
    divs.forEach(function (id) {
      var d = data.divergences[id];
      line(id, "divergence " + d.type + ": " + d.text);
      line("", d.detail);
      var says = [];
      if (d.a_text) says.push("A says: " + d.a_text);
      if (d.b_text) says.push("B says: " + d.b_text);
      if (says.length) line("", says.join(" · "));
    });
    tip.hidden = false;
    moveTip(ev);
  }
  function moveTip(ev) {
    tip.style.left = Math.min(ev.clientX + 12, window.innerWidth - tip.offsetWidth - 8) + "px";
    tip.style.top = (ev.clientY + 16) + "px";
  }
  document.querySelectorAll("mark.flag[data-flags], mark.div[data-divs]").forEach(function (mark) {
    mark.addEventListener("mouseenter", function (ev) { showTip(mark, ev); });
    mark.addEventListener("mousemove", moveTip);
    mark.addEventListener("mouseleave", function () { tip.hidden = true; });
  });

  // Filters by category and type: a flag shows when both are checked.
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#filters input[data-filter]"));
  function checked(kind) {
    var on = {};
    boxes.forEach(function (b) { if (b.getAttribute("data-filter") === kind && b.checked) on[b.value] = 1; });
    return on;
  }
  var cats = {}, types = {};
  function flagOn(id) {
    var f = data.flags[id];
    return !!f && Object.prototype.hasOwnProperty.call(cats, f.category) &&
      Object.prototype.hasOwnProperty.call(types, f.type);
  }
  function applyFilters() {
    cats = checked("category");
    types = checked("type");
    var shown = 0, total = 0;
    document.querySelectorAll("mark.flag[data-flags]").forEach(function (mark) {
      var on = idsOf(mark, "data-flags").some(flagOn);
      mark.classList.toggle("flag-off", !on);
    });
    document.querySelectorAll("tr.flagrow").forEach(function (row) {
      var on = flagOn(row.getAttribute("data-flag"));
      row.hidden = !on;
      total += 1;
      if (on) shown += 1;
    });
    var count = document.getElementById("flag-count");
    if (count) count.textContent = shown + " of " + total + " shown";
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  applyFilters();

  document.querySelectorAll("tr.flagrow").forEach(function (row) {
    row.addEventListener("click", function () {
      var id = row.getAttribute("data-flag");
      var mark = Array.prototype.find.call(document.querySelectorAll("mark.flag[data-flags]"), function (m) {
        return idsOf(m, "data-flags").indexOf(id) >= 0;
      });
      if (mark) { document.getElementById("sbs").scrollIntoView(); scrollInto(mark); }
    });
  });
  // A divergence row scrolls each source column to the first of its marks there and
  // flashes all of them (the row's own data-pick handler above pins its segments).
  document.querySelectorAll("tr.divrow[data-div]").forEach(function (row) {
    row.addEventListener("click", function () {
      var id = row.getAttribute("data-div");
      clear("div-hit");
      var marks = Array.prototype.filter.call(document.querySelectorAll(".text mark.div[data-divs]"), function (m) {
        return idsOf(m, "data-divs").indexOf(id) >= 0;
      });
      var scrolled = [];
      marks.forEach(function (m) {
        void m.offsetWidth; // restart the flash when the same row is clicked again
        m.classList.add("div-hit");
        var box = m.closest(".text");
        if (box && scrolled.indexOf(box) < 0) { scrolled.push(box); scrollInto(m); }
      });
      if (marks.length) document.getElementById("sbs").scrollIntoView();
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
