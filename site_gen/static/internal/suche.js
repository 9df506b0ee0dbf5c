// Loads the Pagefind search UI on the search page only. Pagefind fetches small index
// chunks per query from this server; nothing is downloaded on other pages.
(function () {
  var box = document.getElementById("suchfeld");
  if (!box) return;
  var root = new URL("../../", document.currentScript.src);
  var css = document.createElement("link");
  css.rel = "stylesheet";
  css.href = new URL("pagefind/pagefind-ui.css", root).href;
  document.head.appendChild(css);
  var script = document.createElement("script");
  script.src = new URL("pagefind/pagefind-ui.js", root).href;
  script.onload = function () {
    var ui = new PagefindUI({
      element: "#suchfeld",
      bundlePath: new URL("pagefind/", root).pathname,
      showImages: false,
      showSubResults: false,
      resetStyles: false,
      autofocus: true,
      openFilters: [],
      translations: { placeholder: "Name, Kennung, Betrieb, Modul oder Frist", zero_results: "Keine Treffer für [SEARCH_TERM]" }
    });
    var query = new URLSearchParams(location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  document.head.appendChild(script);
})();
