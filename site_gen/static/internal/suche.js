// The search page's own small UI on Pagefind's API (pagefind.js): a text box, a live count, results with
// excerpts, "more results". Pagefind's code and index are fetched only when someone searches, in small
// chunks from this server; other pages load nothing. Class names follow Pagefind's default UI.
(function () {
  "use strict";
  var box = document.getElementById("suchfeld");
  if (!box) return;
  var root = new URL("../../", document.currentScript.src);
  var bundle = new URL("pagefind/", root).pathname;
  var STEP = 5;
  var pagefind = null, latest = 0, found = [], shown = 0;

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }
  var label = el("label", "sg-search__label", "Suchbegriff");
  var input = el("input", "pagefind-ui__search-input");
  input.type = "text";
  input.id = label.htmlFor = "suche-eingabe";
  input.placeholder = "Name, Kennung, Betrieb, Modul oder Frist";
  input.autocomplete = "off";
  input.spellcheck = false;
  var message = el("p", "pagefind-ui__message");
  message.setAttribute("role", "status");
  var results = el("ol", "pagefind-ui__results");
  var more = el("button", "pagefind-ui__button", "Weitere Treffer zeigen");
  more.type = "button";
  more.hidden = true;
  [label, input, message, results, more].forEach(function (n) { box.appendChild(n); });

  function load() {
    if (!pagefind) {
      pagefind = import(bundle + "pagefind.js").then(function (pf) {
        // noWorker: the worker script would be one more download of the same code
        return pf.options({ baseUrl: root.pathname, noWorker: true, excerptLength: 24 }).then(function () { return pf; });
      });
    }
    return pagefind;
  }
  function excerpt(html) {
    // Pagefind's excerpt is HTML with <mark>; parsed inertly, only text and <mark> are kept.
    var p = el("p", "pagefind-ui__result-excerpt");
    new DOMParser().parseFromString(html, "text/html").body.childNodes.forEach(function (n) {
      p.appendChild(n.nodeName === "MARK" ? el("mark", "", n.textContent) : document.createTextNode(n.textContent));
    });
    return p;
  }
  function showMore(run) {
    var next = found.slice(shown, shown + STEP);
    shown += next.length;
    more.hidden = shown >= found.length;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (run !== latest) return;
      pages.forEach(function (d) {
        var li = el("li", "pagefind-ui__result"), title = el("p", "pagefind-ui__result-title");
        var a = el("a", "pagefind-ui__result-link", (d.meta && d.meta.title) || d.url);
        a.href = d.url;
        title.appendChild(a);
        li.appendChild(title);
        li.appendChild(excerpt(d.excerpt || ""));
        results.appendChild(li);
      });
    });
  }
  function search(query) {
    var run = ++latest;
    query = query.trim();
    if (!query) {
      results.textContent = message.textContent = "";
      more.hidden = true;
      return;
    }
    load().then(function (pf) { return pf.debouncedSearch(query, {}, 250); }).then(function (search) {
      if (!search || run !== latest) return;  // a newer query replaced this one
      found = search.results;
      shown = 0;
      results.textContent = "";
      message.textContent = found.length === 0 ? "Keine Treffer für „" + query + "“" :
        (found.length === 1 ? "1 Treffer" : found.length + " Treffer") + " für „" + query + "“";
      return showMore(run);
    }).catch(function () {
      if (run === latest) message.textContent = "Die Suche konnte nicht geladen werden.";
    });
  }
  input.addEventListener("input", function () { search(input.value); });
  input.addEventListener("keydown", function (e) { if (e.key === "Enter") e.preventDefault(); });
  more.addEventListener("click", function () {
    var before = results.children.length;  // keyboard users continue at the first new result
    showMore(latest).then(function () { var li = results.children[before]; if (li) li.querySelector("a").focus(); });
  });
  input.focus();
  var query = new URLSearchParams(location.search).get("q");
  if (query) {
    input.value = query;
    search(query);
  }
})();
