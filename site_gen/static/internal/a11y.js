// site-gen: keyboard access for the internal site (WCAG 2.1.1, 4.1.2). A file, so the CSP
// needs no inline scripts.
//
// 1. Toggles that Material draws as <label for=checkbox> (the menu button on small screens,
//    nested navigation sections) become buttons: focusable, named, with aria-expanded, and
//    operated with Enter (Material) and Space (here). Escape closes the open menu.
(function () {
  function toggles() {
    document.querySelectorAll("label.md-header__button[for='__drawer'], label.md-nav__link[for]").forEach(function (label) {
      var box = document.getElementById(label.htmlFor);
      if (!box || label.dataset.sgToggle) return;
      label.dataset.sgToggle = "1";
      label.setAttribute("role", "button");
      label.setAttribute("tabindex", "0");
      if (label.htmlFor === "__drawer") label.setAttribute("aria-label", "Navigation");
      var sync = function () { label.setAttribute("aria-expanded", box.checked ? "true" : "false"); };
      box.addEventListener("change", sync);
      sync();
      label.addEventListener("keydown", function (event) {
        if (event.key === " ") {
          event.preventDefault();
          label.click();
        }
      });
      label.addEventListener("click", function () { setTimeout(sync, 0); });
    });
  }

  document.addEventListener("keydown", function (event) {
    var drawer = document.getElementById("__drawer");
    if (event.key !== "Escape" || !drawer || !drawer.checked) return;
    drawer.checked = false;
    drawer.dispatchEvent(new Event("change"));
    var button = document.querySelector("label.md-header__button[for='__drawer']");
    if (button) button.focus();
  });

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(toggles);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", toggles);
  else toggles();
})();

// 2. Tables that scroll sideways (Material wraps each in .md-typeset__scrollwrap) become a named,
// focusable region, so keyboard users can scroll them; tables that fit get no extra tab stop.
(function () {
  var NAMES = "h1, h2, h3, h4, h5, h6, summary, figcaption";

  function text(el) {
    return (el.textContent || "").replace(/\s+/g, " ").trim();
  }

  // The table's caption, else the nearest heading, summary or figure caption before it.
  function nameOf(table) {
    if (table.caption && text(table.caption)) return text(table.caption);
    var node = table;
    while (node && !node.matches("article, body")) {
      var prev = node.previousElementSibling;
      while (prev) {
        if (prev.matches(NAMES)) return text(prev);
        var inner = prev.querySelectorAll(NAMES);
        if (inner.length) return text(inner[inner.length - 1]);
        prev = prev.previousElementSibling;
      }
      node = node.parentElement;
    }
    return "";
  }

  function update(box) {
    var scrolls = box.scrollWidth > box.clientWidth + 1 || box.scrollHeight > box.clientHeight + 1;
    if (scrolls) {
      box.setAttribute("tabindex", "0");
      if (box.tagName !== "TABLE") box.setAttribute("role", "region");
      box.setAttribute("aria-label", box.dataset.sgName);
    } else if (box.hasAttribute("data-sg-name")) {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function setup() {
    var boxes = [];
    var seen = {};
    document.querySelectorAll(".md-typeset table").forEach(function (table) {
      // Material's wrapper (or site-gen's .sg-scroll around its own tables) scrolls; without either the table itself does.
      var box = table.closest(".md-typeset__scrollwrap, .sg-scroll") || table;
      if (box.hasAttribute("data-sg-name")) return;
      var name = "Tabelle" + (nameOf(table) ? ": " + nameOf(table) : "");
      seen[name] = (seen[name] || 0) + 1;
      box.dataset.sgName = seen[name] > 1 ? name + " (" + seen[name] + ")" : name;
      box.classList.add("sg-region");
      boxes.push(box);
      update(box);
    });
    // Charts keep their size on a phone and scroll in their figure: named by their caption.
    document.querySelectorAll(".md-typeset figure.sg-chart").forEach(function (figure) {
      if (figure.hasAttribute("data-sg-name")) return;
      var caption = figure.querySelector("figcaption");
      figure.dataset.sgName = "Grafik" + (caption && text(caption) ? ": " + text(caption) : "");
      figure.classList.add("sg-region");
      boxes.push(figure);
      update(figure);
    });
    if (window.ResizeObserver) {
      var observer = new ResizeObserver(function (entries) {
        entries.forEach(function (entry) { update(entry.target); });
      });
      boxes.forEach(function (box) { observer.observe(box); });
    }
  }

  if (window.document$ && window.document$.subscribe) window.document$.subscribe(setup);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setup);
  else setup();
})();
