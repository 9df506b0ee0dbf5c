// Sealed records in the browser editor (issue 27). In a sealed repository (schluessel/versiegelt.yaml) no
// personal value of a case may reach Git in plain text. The editor has no key of the case, so it seals each
// new or changed value to the case's public age recipient of the value's slot (its consent purpose, else
// "basis"), read from schluessel/akten/<case>.yaml through the editor's own backend, with the npm package
// age-encryption (vendored under ./age/, loaded only when a value is sealed). The format is the one Python's
// site_gen/records/sealing.py opens: "age:v2:<slot>:" + base64 of an age file whose plaintext is
// "<case>|<field path>|<entry>\n" + JSON of the value (list positions as "*"; <entry>: the entry file's name
// without ".yaml", empty in case.yaml), e.g. "tn-0002|support_log/*/note|2026-11-20-mara-petersen-3f2a9c": a value
// moved into another entry does not open. A new entry's file name is worked out before the save the way Decap
// will name it (its slug template; see entryName). <slot> is the newest key generation of the value's purpose
// ("gesundheitsdaten.2" after a withdrawal and a new consent); with no live key for the purpose nothing is saved.
// The editor never writes version 1 ("age:v1:", bound to case and field only; Python still reads it).
// Values it cannot read (enc:v1:/v2:… / age:v1:/v2:…) show as "verschlüsselt" and are saved as they are.
// Plain repositories (no marker) are saved as before.
// A company contact about a person (a workplace's contact_log entry naming a case) has its notes (summary,
// question, answer) sealed to that case's "basis" recipient, bound to "<case>|workplaces/<id>/contact_log/*/<field>|
// <entry>" (site_gen/records/seal_contacts.py); a contact without a case is about the company only and stays plain.
import { formOnly } from "./site-gen-lists.js";

const SEALED = /^(enc|age):v[12]:[^:\s]+:/;
export const SEALS = "_siegel";  // form-only: [data path, sealed text] pairs made before the save (toFile is synchronous)
const SHOWN = "verschlüsselt";
const SCALAR_WIDGETS = ["string", "text", "markdown", "number", "boolean", "select", "relation", "datetime", "date", "code", "color", "map"];

export const isSealed = (value) => typeof value === "string" && SEALED.test(value);

let settings = { sealed: false, readable: ["id", "location", "provider"], slots: {}, marker: "schluessel/versiegelt.yaml", recipients: "schluessel/akten/" };
let backend = {};
const collections = new Map();  // name -> {prefix, kind, list, slug, tag} of the collections of case records and of company contacts
const CONTACT_FIELDS = ["summary", "question", "answer"];  // seal_contacts.FIELDS
let slugConfig = {};  // Decap's global "slug" options (encoding, clean_accents, sanitize_replacement)

function german(message) {
  const error = new Error(message);
  error.toString = () => error.message;  // Decap shows "Speichern fehlgeschlagen: " + String(error)
  return error;
}

export async function setup(config) {
  backend = config.backend || {};
  slugConfig = config.slug || {};
  for (const collection of config.collections || []) {
    const folder = typeof collection.folder === "string" ? collection.folder.replace(/\/+$/, "") : "";
    const list = collection.filter && formOnly(collection.filter.field || "") ? collection.filter.value : null;
    const kind = folder === "cases" || folder.endsWith("/cases") ? "cases"
      : (folder === "workplaces" || folder.endsWith("/workplaces")) && list === "contact_log" ? "workplaces" : null;
    if (kind === null) continue;  // case records are sealed, and company contacts about a person
    const tag = /{{\s*(_[a-z_]+)\s*}}/.exec(collection.slug || "");  // the random mark in a new entry's name (site-gen-yaml.js)
    collections.set(collection.name, { prefix: folder.slice(0, -kind.length), kind, list, slug: collection.slug || "", tag: tag ? tag[1] : null });
  }
  try {
    const response = await fetch("siegel.json");
    if (response.ok) settings = { ...settings, ...(await response.json()) };
  } catch (error) {
    console.warn("siegel.json fehlt", error);
  }
}

export function initOptions(config) {
  // CMS.init's options. In a sealed build the configuration is handed over with its patterns (ids, codes) also
  // accepting a sealed value: Decap checks a field's pattern against the value itself, which for a sealed
  // value is its ciphertext, so an entry with a sealed id could never be saved again. Plain builds: as before.
  if (!settings.sealed) return undefined;
  const accept = (field) => {
    if (Array.isArray(field.pattern) && typeof field.pattern[0] === "string") {
      field.pattern = [`^(?:enc|age):v[12]:[^:\\s]+:\\S+$|${field.pattern[0]}`, field.pattern[1]];
    }
    for (const inner of [...(field.fields || []), ...(field.types || []), ...(field.field ? [field.field] : [])]) accept(inner);
  };
  for (const collection of config.collections || []) {
    if (collections.has(collection.name)) for (const field of collection.fields || []) accept(field);
  }
  return { config: { ...config, load_config_file: false } };
}

// --- Showing sealed values -------------------------------------------------------------------------------

function sealedControl(base) {
  const h = window.h;
  return window.createClass({
    isValid() {
      if (isSealed(this.props.value)) return true;
      return this.inner && typeof this.inner.isValid === "function" ? this.inner.isValid() : true;
    },
    render() {
      if (!isSealed(this.props.value)) {
        return h(base, { ...this.props, ref: (inner) => { this.inner = inner && inner.getWrappedInstance ? inner.getWrappedInstance() : inner; } });
      }
      return h("div", { className: this.props.classNameWrapper, id: this.props.forID, "data-site-gen": "versiegelt",
        title: "Dieser Wert ist versiegelt: der Editor kann ihn nicht lesen. Er bleibt beim Speichern unverändert." }, SHOWN);
    },
  });
}

export function showSealedValues(cms) {
  // Every scalar widget: a sealed value is shown as "verschlüsselt" (never as its ciphertext, never edited).
  if (typeof window.createClass !== "function" || typeof window.h !== "function" || typeof cms.getWidget !== "function") return;
  for (const name of SCALAR_WIDGETS) {
    const widget = cms.getWidget(name);
    if (!widget || !widget.control) continue;
    cms.registerWidget(name, sealedControl(widget.control), widget.preview, widget.schema);
  }
}

const CIPHERTEXT = /(?:enc|age):v[12]:[^:\s]+:[A-Za-z0-9+/=]+/g;

function hideIn(node) {
  if (node.nodeType === Node.TEXT_NODE) {
    if (/:v[12]:/.test(node.nodeValue) && CIPHERTEXT.test(node.nodeValue)) node.nodeValue = node.nodeValue.replace(CIPHERTEXT, SHOWN);
    CIPHERTEXT.lastIndex = 0;
    return;
  }
  if (node.nodeType !== Node.ELEMENT_NODE || node.isContentEditable || ["INPUT", "TEXTAREA", "SCRIPT", "STYLE"].includes(node.tagName)) return;
  for (const child of node.childNodes) hideIn(child);
}

export function hideCiphertext(root) {
  // Where Decap shows a value as text (the lists' summaries "date – folder – minutes", a collapsed list item's
  // title, the preview), a sealed value reads "verschlüsselt" too, not as a screen of base64. Display only.
  new MutationObserver((changes) => {
    for (const change of changes) {
      if (change.type === "characterData") hideIn(change.target);
      for (const node of change.addedNodes) hideIn(node);
    }
  }).observe(root, { childList: true, subtree: true, characterData: true });
}

// --- Reading a file of the repository through the editor's backend -----------------------------------------

function token() {
  try {
    return JSON.parse(localStorage.getItem("decap-cms-user") || "null")?.token || "";
  } catch {
    return "";
  }
}

async function readFile(path) {
  // The file's text, null when it does not exist; throws when the backend cannot be asked.
  const branch = backend.branch || "main";
  let response;
  if (backend.name === "proxy") {
    response = await fetch(backend.proxy_url, { method: "POST", headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ action: "getEntry", params: { branch, path } }) });
    if (!response.ok) return null;  // decap-server answers an error for a missing file
    const found = await response.json();
    return typeof found?.data === "string" ? found.data : null;
  }
  const repo = backend.repo || "";
  const auth = token();
  if (backend.name === "github") {
    response = await fetch(`${backend.api_root || "https://api.github.com"}/repos/${repo}/contents/${path}?ref=${encodeURIComponent(branch)}`,
      { headers: { Authorization: `token ${auth}`, Accept: "application/vnd.github.raw" } });
  } else if (backend.name === "gitea") {
    response = await fetch(`${backend.api_root}/repos/${repo}/raw/${path}?ref=${encodeURIComponent(branch)}`,
      { headers: { Authorization: `token ${auth}` } });
  } else if (backend.name === "gitlab") {
    response = await fetch(`${backend.api_root || "https://gitlab.com/api/v4"}/projects/${encodeURIComponent(repo)}/repository/files/${encodeURIComponent(path)}/raw?ref=${encodeURIComponent(branch)}`,
      { headers: { Authorization: `Bearer ${auth}` } });
  } else {
    throw new Error(`backend ${backend.name}`);
  }
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

function parseRecipients(text) {
  // slot -> age recipient (the lines "slot: age1…" of schluessel/akten/<case>.yaml, as Python reads them).
  const out = {};
  for (const line of text.split("\n")) {
    if (line.startsWith("#")) continue;
    const at = line.indexOf(":");
    const value = at < 0 ? "" : line.slice(at + 1).trim();
    if (value.startsWith("age1")) out[line.slice(0, at).trim()] = value;
  }
  return out;
}

async function recipientsOf(prefix, caseId) {
  // The case's recipients; null in a plain repository; a German error when a sealed case cannot be sealed.
  let text;
  let marker;
  try {
    text = await readFile(`${prefix}${settings.recipients}${caseId}.yaml`);
    marker = text === null ? await readFile(`${prefix}${settings.marker}`) : "";
  } catch (error) {
    console.warn("Schlüssel nicht lesbar", error);
    if (!settings.sealed) return null;
    throw german("Die öffentlichen Schlüssel der Akte lassen sich nicht lesen; ohne sie wird nichts gespeichert. Verbindung prüfen und erneut speichern.");
  }
  if (text === null && marker === null) {
    if (settings.sealed) throw german("Das Repository war beim Bauen der Seite versiegelt, die Schlüssel-Dateien fehlen aber. Nichts gespeichert: die Seite neu bauen oder den Ordner schluessel/ prüfen.");
    return null;
  }
  if (text === null) throw german(`Die Akte ${caseId} hat noch keine öffentlichen Schlüssel. Nichts gespeichert: neue Akten mit 'site-gen new' anlegen und mit 'site-gen keys seal' versiegeln.`);
  return parseRecipients(text);
}

// --- Sealing before the save -----------------------------------------------------------------------------

function whereIsContact(entry, info) {
  // {caseId, workplace, list, entry} of a company contact that names a case; null without a case (plain).
  const data = entry.get("data");
  const caseId = data.get("case");
  if (typeof caseId !== "string" || !caseId) return null;
  const path = entry.get("path");
  if (typeof path === "string" && path.startsWith(info.prefix)) {
    const m = /^workplaces\/([^/]+)\/contact_log\/([^/]+)\.yaml$/.exec(path.slice(info.prefix.length));
    if (m) return { caseId, workplace: m[1], list: "contact_log", entry: m[2] };
  }
  const workplace = data.get("_arbeitsplatz");
  return typeof workplace === "string" && workplace ? { caseId, workplace, list: "contact_log", entry: null } : null;
}

function whereIs(entry, info) {
  if (info.kind === "workplaces") return whereIsContact(entry, info);
  // {caseId, list, entry} of the file being saved (list null: the case's main file; entry: the entry file's name
  // without ".yaml" as sealing.py's entry_of() reads it, "" for the main file, null for a new entry file not
  // named yet), or null when unknown.
  const path = entry.get("path");
  if (typeof path === "string" && path.startsWith(info.prefix)) {
    const rel = path.slice(info.prefix.length);
    let m = /^cases\/([^/]+)\/case\.ya?ml$/.exec(rel) || /^cases\/([^/]+)\.ya?ml$/.exec(rel);
    if (m) return { caseId: m[1], list: null, entry: "" };
    m = /^cases\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(rel);
    if (m && /\.ya?ml$/.test(m[3])) return { caseId: m[1], list: m[2], entry: m[3].endsWith(".yaml") ? m[3].slice(0, -5) : m[3] };
  }
  const data = entry.get("data");
  if (info.list) {
    const caseId = data.get("_akte");
    return typeof caseId === "string" && caseId ? { caseId, list: info.list, entry: null } : null;
  }
  const id = data.get("id");
  return typeof id === "string" && id ? { caseId: id, list: null, entry: "" } : null;
}

// --- The name of a new entry file (Decap names it only after preSave; the seals need it before) -------------

const ACCENTS = { "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "TH" };

function slugSegment(value) {
  // One template value as Decap's getProcessSegment() makes it: prepareSlug, then sanitizeSlug with the config's options.
  const replacement = typeof slugConfig.sanitize_replacement === "string" ? slugConfig.sanitize_replacement : "-";
  let text = String(value).trim().toLocaleLowerCase().replace(/[']/g, "").replace(/[.]/g, "-");
  if (slugConfig.clean_accents) text = text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[ßẞæÆøØœŒłŁđĐþÞ]/g, (c) => ACCENTS[c]);
  const valid = slugConfig.encoding === "ascii" ? (c) => /[\w\-.~]/i.test(c) : (c) => /[\w\-.~]/i.test(c) || c.codePointAt(0) > 0x7f;
  text = Array.from(text).map((c) => (valid(c) ? c : replacement)).join("").replace(/[/?<>\\:*|"\x00-\x1f\x80-\x9f]/g, replacement);
  if (!replacement) return text;
  const escaped = replacement.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return text.replace(new RegExp(`(?:${escaped})+`, "g"), replacement).replace(new RegExp(`^${escaped}`), "").replace(new RegExp(`${escaped}$`), "");
}

function entryName(info, data) {
  // The file name (without ".yaml") Decap will give a new entry of this collection: its slug template with each
  // field's value made a slug segment. Our generated templates use plain fields only ({{date}}-{{by}}-{{_kurz}});
  // anything else (dates like {{year}}, filters) cannot be worked out here, and nothing is sealed to a guess.
  let unknown = false;
  const name = info.slug.replace(/{{\s*([^}{| ]+)(\s*\|[^}{]+)?\s*}}/g, (_, key, filter) => {
    if (filter || ["year", "month", "day", "hour", "minute", "second", "slug"].includes(key)) unknown = true;
    const value = valueAt(data, key.replace(/^fields\./, "").split("."));
    return slugSegment(value === undefined ? "" : value);
  });
  if (unknown || !name) throw german("Der Dateiname des neuen Eintrags lässt sich vor dem Speichern nicht bestimmen, die Werte können darum nicht versiegelt werden. Nichts gespeichert: den Eintrag mit 'site-gen log' anlegen oder die Admins fragen.");
  return name;
}

function randomMark() {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

async function freeEntryName(info, where, data) {
  // A name no file of the case has yet: Decap would add "-1" to a taken one (and the seals be bound to the wrong
  // name), so a new random mark is drawn instead (the mark is the form-only field site-gen-yaml.js set).
  for (let tries = 0; tries < 5; tries += 1) {
    const name = entryName(info, data);
    let taken;
    try {
      const folder = where.workplace ? `workplaces/${where.workplace}` : `cases/${where.caseId}`;
      taken = (await readFile(`${info.prefix}${folder}/${where.list}/${name}.yaml`)) !== null;
    } catch (error) {
      console.warn(error);
      throw german("Der Ordner der Akte lässt sich nicht lesen; ohne ihn wird nichts gespeichert. Verbindung prüfen und erneut speichern.");
    }
    if (!taken) return name;
    if (!info.tag) break;
    data[info.tag] = randomMark();
  }
  throw german("Für den neuen Eintrag gibt es schon eine Datei gleichen Namens. Nichts gespeichert: Datum oder Angaben prüfen und erneut speichern.");
}

// --- Key generations ---------------------------------------------------------------------------------------

const purposeOfSlot = (slot) => slot.split(".")[0];  // "gesundheitsdaten.2" -> "gesundheitsdaten"
const generation = (slot) => (/^\d+$/.test(slot.split(".")[1] || "") ? Number(slot.split(".")[1]) : 1);

export function currentSlot(purpose, recipients) {
  // The newest key generation of a purpose among the case's recipients (sealing.py's current_slot), or null.
  // A withdrawal destroys a generation's key and removes its recipient; a new consent brings the next one.
  let best = null;
  for (const slot of Object.keys(recipients)) {
    if (purposeOfSlot(slot) === purpose && (best === null || generation(slot) > generation(best))) best = slot;
  }
  return best;
}

function plainValues(data, list, readable) {
  // [data path, binding path, slot] of every plain scalar that belongs sealed (as sealing.py's sealable()).
  const out = [];
  const walk = (value, at, bound, slot) => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...at, i], [...bound, "*"], slot));
    else if (value !== null && typeof value === "object") for (const [k, v] of Object.entries(value)) walk(v, [...at, k], [...bound, k], slot);
    else if (value !== null && value !== undefined && value !== "" && !isSealed(value)) out.push([at, bound, slot]);
  };
  for (const [key, value] of Object.entries(data)) {
    if (formOnly(key) || (list === null && readable.has(key))) continue;
    const top = list === null ? key : list;
    walk(value, [key], list === null ? [key] : [list, "*", key], settings.slots[top] || "basis");
  }
  return out;
}

function contactValues(data, workplace) {
  // [data path, binding path, slot] of a contact's plain notes: the case's "basis" (the editor cannot read the
  // consents that decide a narrower slot; site-gen kontakt and keys seal choose it).
  return CONTACT_FIELDS.filter((k) => data[k] !== null && data[k] !== undefined && data[k] !== "" && !isSealed(data[k]))
    .map((k) => [[k], ["workplaces", workplace, "contact_log", "*", k], "basis"]);
}

function valueAt(data, path) {
  return path.reduce((node, key) => (node === null || node === undefined ? undefined : node[key]), data);
}

function base64(bytes) {
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

async function sealAll(todo, data, where, recipients) {
  const caseId = where.caseId;
  let age;
  try {
    age = await import("./age/age-encryption/dist/index.js");
  } catch (error) {
    console.warn(error);
    throw german("Die Verschlüsselung (age) fehlt in dieser Installation des Editors. Nichts gespeichert: site-gen neu installieren und die Seite neu bauen.");
  }
  const sealed = [];
  for (const [at, bound, purpose] of todo) {
    const slot = currentSlot(purpose, recipients);
    if (slot === null) {
      throw german(`Die Akte ${caseId} hat für den Zweck '${purpose}' keinen gültigen öffentlichen Schlüssel: er wurde nach einem Widerruf vernichtet `
        + "oder noch nie angelegt. Nichts gespeichert. Nach einer neuen Einwilligung legt 'site-gen keys seal' (mit Schlüsselbund und eigenem Schlüssel) "
        + "einen neuen Schlüssel an; danach erneut speichern.");
    }
    const encrypter = new age.Encrypter();
    encrypter.addRecipient(recipients[slot]);
    const plain = `${caseId}|${bound.join("/")}|${where.entry}\n${JSON.stringify(valueAt(data, at))}`;
    sealed.push([at, `age:v2:${slot}:${base64(await encrypter.encrypt(new TextEncoder().encode(plain)))}`]);
  }
  return sealed;
}

export async function sealBeforeSave({ entry }) {
  // preSave: every plain value of a sealed case sealed in advance (the form keeps the plain text; toFile writes the seals).
  const info = collections.get(entry.get("collection"));
  const fresh = entry.get("data").delete(SEALS);  // never the seals of an earlier save
  const where = info && whereIs(entry, info);
  if (!where) return fresh;  // not a case, or no case chosen (site-gen-yaml.js says so)
  const data = fresh.toJS();
  const todo = where.workplace ? contactValues(data, where.workplace) : plainValues(data, where.list, new Set(settings.readable));
  if (!todo.length) return fresh;
  const recipients = await recipientsOf(info.prefix, where.caseId);
  if (recipients === null) return fresh;  // a plain repository
  let named = fresh;
  if (where.entry === null) {  // a new entry file: the name Decap will give it (a new mark when that name is taken)
    where.entry = await freeEntryName(info, where, data);
    if (info.tag && data[info.tag] !== fresh.get(info.tag)) named = fresh.set(info.tag, data[info.tag]);
  }
  return named.set(SEALS, JSON.stringify(await sealAll(todo, data, where, recipients)));
}

export function applySeals(data) {
  // toFile: the sealed texts in place of the plain values (a plain copy; the form's data is left alone).
  if (typeof data[SEALS] !== "string") return data;
  const out = structuredClone(data);
  for (const [at, sealed] of JSON.parse(data[SEALS])) {
    const parent = valueAt(out, at.slice(0, -1));
    if (parent !== null && typeof parent === "object") parent[at[at.length - 1]] = sealed;
  }
  delete out[SEALS];
  return out;
}
