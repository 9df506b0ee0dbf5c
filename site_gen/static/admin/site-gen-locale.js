// German for everything the editor shows (issue 25): Decap's own German leaves strings English
// ("Toggle notes", "Expand"), calls a record a "Beitrag" (blog post), and reads "Zurück zu allen
// Unterstützungsprotokoll". This file completes and corrects Decap's "de" phrases before CMS.init()
// (site-gen-yaml.js calls it). tests/cms/test_locale.py runs it under node against Decap's phrases.
(function (root) {
  "use strict";

  var OVERRIDES = {
    collection: {
      sidebar: { collections: "Sammlungen", allCollections: "Alle Sammlungen" },
      collectionTop: {
        newButton: "＋ %{collectionLabel}", newButtonAriaLabel: "Neuer Eintrag: %{collectionLabel}",
        viewAsList: "Als Liste anzeigen", viewAsGrid: "Als Raster anzeigen",
      },
      entries: { noEntries: "Keine Einträge", unpublishedHeader: "Nicht veröffentlichte Einträge" },
    },
    editor: {
      editorControl: { field: { widgetLabel: "Feld %{widgetLabel}" } },
      editorInterface: { toggleNotes: "Notizen ein- oder ausblenden" },
      editorNotesPane: {
        title: "Notizen", emptyState: "Noch keine Notizen.", addNote: "Notiz hinzufügen", addPlaceholder: "Notiz schreiben …",
        editPlaceholder: "Notiz ändern …", save: "Speichern", cancel: "Abbrechen", edit: "Ändern", delete: "Löschen",
        resolve: "Erledigt", unresolve: "Wieder öffnen", confirmDelete: "Diese Notiz wirklich löschen?",
        shortcut: "Tipp: Strg+Eingabe fügt die Notiz hinzu",
      },
      editorToolbar: {
        backCollection: "Zurück zur Liste „%{collectionLabel}“",
        changesSaved: "Keine offenen Änderungen",
        status: "Stand: %{status}",
      },
      editorWidgets: {
        markdown: { strikethrough: "Durchgestrichen", code: "Programmcode", link: "Verweis", richText: "Formatierter Text",
                    markdown: "Markdown-Text", toggleMode: { rich: "Zu formatiertem Text wechseln", markdown: "Zu Markdown wechseln" } },
        image: { chooseMultiple: "Bilder auswählen", addMore: "Weitere Bilder hinzufügen", removeAll: "Alle Bilder entfernen" },
        file: { chooseMultiple: "Dateien auswählen", addMore: "Weitere Dateien hinzufügen", removeAll: "Alle Dateien entfernen" },
        datetime: { setToNow: "%{fieldLabel} auf jetzt setzen" },
        object: { expand: "Aufklappen", collapse: "Zuklappen" },
      },
    },
    mediaLibrary: { mediaLibraryModal: { close: "Schließen", download: "Herunterladen" } },
    ui: {
      errorBoundary: { detailsHeading: "Einzelheiten" },
      settingsDropdown: { account: "Konto-Einstellungen" },
      toast: {
        onFailToPersist: "Speichern fehlgeschlagen: %{details}",
        missingRequiredField: "Einige Pflichtfelder sind nicht ausgefüllt.",
        noteAdded: "Notiz hinzugefügt", onFailToAddNote: "Notiz nicht hinzugefügt: %{details}", noteUpdated: "Notiz geändert",
        onFailToUpdateNote: "Notiz nicht geändert: %{details}", noteDeleted: "Notiz gelöscht",
        onFailToDeleteNote: "Notiz nicht gelöscht: %{details}", noteResolved: "Notiz erledigt", noteReopened: "Notiz wieder offen",
        onFailToToggleNote: "Notiz nicht umgeschaltet: %{details}",
      },
    },
    workflow: { workflow: { dateFormat: "D. MMMM" } },
  };

  // A record is an "Eintrag" here, never a "Beitrag" (a blog post); the lists are "Sammlungen".
  var WORDS = [[/Beiträgen/g, "Einträgen"], [/Beiträge/g, "Einträge"], [/Beitrags/g, "Eintrags"], [/Beitrag/g, "Eintrag"],
               [/Inhaltstypen/g, "Sammlungen"], [/Inhaltstyp/g, "Sammlung"]];

  function words(text) {
    return WORDS.reduce(function (t, pair) { return t.replace(pair[0], pair[1]); }, text);
  }

  function merged(base, over) {
    var out = {};
    Object.keys(base || {}).forEach(function (key) {
      out[key] = typeof base[key] === "string" ? words(base[key]) : merged(base[key], {});
    });
    Object.keys(over || {}).forEach(function (key) {
      out[key] = typeof over[key] === "string" ? over[key] : merged(out[key], over[key]);
    });
    return out;
  }

  function german(phrases) {
    return merged(phrases, OVERRIDES);
  }

  root.siteGenGerman = german;
  if (root.CMS && root.CMS.getLocale && root.CMS.registerLocale) root.CMS.registerLocale("de", german(root.CMS.getLocale("de")));
})(typeof window !== "undefined" ? window : globalThis);
