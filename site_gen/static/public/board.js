/* Enhancements only: the board works fully without this script (audio files play with a plain <audio>). */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Read-aloud with the browser's voice: one button per section, one utterance per line (a pause between them).
  var synth = window.speechSynthesis;
  var buttons = document.querySelectorAll("button.speak");
  var current = null;
  var NO_VOICE = "Dein Gerät hat keine deutsche Vorlese·stimme." +
    (document.querySelector("audio") ? " Du kannst den Text unten anhören." : "");
  function reset() {
    if (!current) return;
    current.button.setAttribute("aria-pressed", "false");
    current.button.querySelector("span").textContent = "Vorlesen";
    current.part.classList.remove("is-reading");
    current = null;
  }
  function clean(text) {
    text = text.replace(/·/g, "").replace(/\s+/g, " ").trim();
    return text && !/[.!?:]$/.test(text) ? text + "." : text;
  }
  function linesOf(part) {
    var out = [];
    part.querySelectorAll("h2, h3, p, li, dt, dd").forEach(function (n) {
      if (n.closest("button, .print-only, .listen") || n.querySelector("p, li")) return;
      var t = clean(n.textContent);
      if (t) out.push(t);
    });
    return out;
  }
  function message(part, text) {
    var box = part.querySelector(".speak-message");
    if (!box) {
      box = document.createElement("p");
      box.className = "speak-message";
      box.setAttribute("role", "status");
      part.querySelector(".part-head").insertAdjacentElement("afterend", box);
    }
    box.textContent = text;
  }
  function germanVoice() {
    return (synth.getVoices() || []).filter(function (v) { return /^de/i.test(v.lang); })[0] || null;
  }
  // One read-aloud control per section: where the button works, the section's recorded player is hidden;
  // it comes back when the device has no German voice (the message then points to it).
  function player(part, show) {
    var box = part && part.querySelector(".listen");
    if (box) box.classList.toggle("has-button", !show);
  }
  if (synth && window.SpeechSynthesisUtterance) {
    buttons.forEach(function (button) {
      button.hidden = false;
      player(button.closest(".part"), false);
      button.addEventListener("click", function () {
        var part = button.closest(".part");
        var again = current && current.button === button;
        synth.cancel();
        reset();
        if (again) return;
        var voice = germanVoice();
        if (!voice) { message(part, NO_VOICE); player(part, true); return; }
        var lines = linesOf(part);
        current = { button: button, part: part };
        lines.forEach(function (line, i) {
          var u = new SpeechSynthesisUtterance(line);
          u.lang = "de-DE";
          try { u.voice = voice; } catch (e) { /* lang alone picks the voice */ }
          if (i === lines.length - 1) u.onend = function () { if (current && current.button === button) reset(); };
          u.onerror = function () { if (current && current.button === button) reset(); };
          synth.speak(u);
        });
        button.setAttribute("aria-pressed", "true");
        button.querySelector("span").textContent = "Stopp";
        part.classList.add("is-reading");
      });
    });
  }

  // Filters: combine several choices without reloading. The list is split into pages; the first choice
  // loads every posting in short form (static/stellen.json) and the list then shows all that fit.
  var form = document.querySelector(".filter-form");
  if (!form) return;
  var selects = form.querySelectorAll("select[data-filter]");
  var list = document.querySelector(".cards");
  var count = form.querySelector(".filter-count");
  var index = null;
  var loading = false;
  form.hidden = false;
  function card(row, pictos, root) {
    // [id, title, company, district, hours, pictogram, codes, reviewed] -> the same card as on the page
    var li = document.createElement("li"), img = document.createElement("img"), box = document.createElement("div");
    var h3 = document.createElement("h3"), a = document.createElement("a"), p = document.createElement("p");
    li.className = "card";
    li.setAttribute("data-f", row[6]);
    img.className = "picto";
    img.src = root + "static/pictos/" + row[5] + ".svg";
    img.alt = pictos[row[5]] || "";
    img.width = img.height = 80;
    a.className = "card-link";
    a.href = root + "stelle/" + row[0] + "/";
    a.textContent = row[1];
    h3.appendChild(a);
    [row[2], "Stadt·teil: " + row[3], row[4] + " Stunden in der Woche"].forEach(function (t, i) {
      if (i) p.appendChild(document.createElement("br"));
      p.appendChild(document.createTextNode(t));
    });
    box.appendChild(h3);
    box.appendChild(p);
    if (row[7]) { var r = document.createElement("p"); r.className = "review-mark"; r.textContent = "Geprüft von Lesern"; box.appendChild(r); }
    li.appendChild(img);
    li.appendChild(box);
    return li;
  }
  function showAll(data) {
    var root = count.getAttribute("data-index").replace(/static\/stellen\.json$/, "");
    var fresh = document.createDocumentFragment();
    data.stellen.forEach(function (row) { fresh.appendChild(card(row, data.bilder, root)); });
    list.textContent = "";
    list.appendChild(fresh);
    document.querySelectorAll(".pager, .result-count").forEach(function (n) { n.hidden = true; });
  }
  function load() {
    if (index || loading || !window.fetch) return;
    loading = true;
    fetch(count.getAttribute("data-index")).then(function (r) { return r.ok ? r.json() : null; }).then(function (data) {
      if (!data) return;
      index = data;
      showAll(data);
      apply();
    }).catch(function () { /* the cards of this page stay filterable */ });
  }
  function apply() {
    var shown = 0;
    list.querySelectorAll(".card").forEach(function (card) {
      var ok = true, codes = " " + card.getAttribute("data-f") + " ";
      selects.forEach(function (s) { if (s.value && codes.indexOf(" " + s.value + " ") < 0) ok = false; });
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === 1 ? "1 Arbeits·platz passt." : shown + " Arbeits·plätze passen.";
  }
  selects.forEach(function (s) { s.addEventListener("change", function () { apply(); load(); }); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
