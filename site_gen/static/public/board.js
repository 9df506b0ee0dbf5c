/* Enhancements only: the board works fully without this script. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  // Read-aloud: one button per section (Web Speech API, German voice).
  var synth = window.speechSynthesis;
  var buttons = document.querySelectorAll("button.speak");
  var current = null;
  function reset() {
    if (!current) return;
    current.button.setAttribute("aria-pressed", "false");
    current.button.querySelector("span").textContent = "Vorlesen";
    current.part.classList.remove("is-reading");
    current = null;
  }
  function textOf(part) {
    var copy = part.cloneNode(true);
    copy.querySelectorAll("button, .print-only").forEach(function (n) { n.remove(); });
    return copy.textContent.replace(/·/g, "").replace(/\s+/g, " ").trim();
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
        var u = new SpeechSynthesisUtterance(textOf(part));
        u.lang = "de-DE";
        var voice = (synth.getVoices() || []).filter(function (v) { return /^de/i.test(v.lang); })[0];
        if (voice) u.voice = voice;
        current = { button: button, part: part };
        u.onend = u.onerror = function () { if (current && current.button === button) reset(); };
        button.setAttribute("aria-pressed", "true");
        button.querySelector("span").textContent = "Stopp";
        part.classList.add("is-reading");
        synth.speak(u);
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
