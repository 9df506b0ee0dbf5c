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
  if (synth && window.SpeechSynthesisUtterance) {
    buttons.forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        var part = button.closest(".part");
        var again = current && current.button === button;
        synth.cancel();
        reset();
        if (again) return;
        var voice = germanVoice();
        if (!voice) { message(part, NO_VOICE); return; }
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

  // Filters: combine several choices on the list page without reloading.
  var form = document.querySelector(".filter-form");
  if (!form) return;
  var selects = form.querySelectorAll("select[data-filter]");
  var cards = document.querySelectorAll(".card");
  var count = form.querySelector(".filter-count");
  form.hidden = false;
  function apply() {
    var shown = 0;
    cards.forEach(function (card) {
      var ok = true;
      selects.forEach(function (s) {
        var v = s.value;
        if (v && (" " + card.getAttribute("data-" + s.getAttribute("data-filter")) + " ").indexOf(" " + v + " ") < 0) ok = false;
      });
      card.hidden = !ok;
      if (ok) shown += 1;
    });
    count.textContent = shown === 1 ? "1 Arbeits·platz passt." : shown + " Arbeits·plätze passen.";
  }
  selects.forEach(function (s) { s.addEventListener("change", apply); });
  form.addEventListener("submit", function (e) { e.preventDefault(); });
})();
