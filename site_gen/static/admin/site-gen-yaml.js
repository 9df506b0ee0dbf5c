// site-gen's YAML format for Decap CMS: a saved record keeps its comments, key order,
// flow lists ([a, b]), quoting and long lines; only the values the form changed are
// rewritten, so a reviewer sees the change and nothing else. Registered under the name
// "yaml" (Decap lets a custom format replace the built-in one), so admin/config.yml stays
// plain Decap/Sveltia configuration. Uses the 'yaml' package from npm (vendored next to this file).
import { Document, isMap, isScalar, isSeq, parse, parseDocument } from "./yaml/index.js";
import { formOnly, mark, shapesOf } from "./site-gen-lists.js";
import { applySeals, hideCiphertext, initOptions, sealBeforeSave, setup as setupSealing, showSealedValues } from "./site-gen-seal.js";

const STRINGIFY = { lineWidth: 0, indentSeq: true, flowCollectionPadding: false };  // never fold long lines
const originals = new Map();
const orders = new Map();  // field name -> lists of its sub-field names, in model order (from config.yml)

function learn(fields) {
  for (const field of fields || []) {
    if (Array.isArray(field.fields)) {
      if (!orders.has(field.name)) orders.set(field.name, []);
      orders.get(field.name).push(field.fields.map((f) => f.name));
      learn(field.fields);
    }
  }
}

function orderFor(name, value) {
  const keys = Object.keys(value);
  const lists = orders.get(name) || [];
  return lists.find((names) => keys.every((k) => names.includes(k))) || keys;
}

function ordered(name, value) {
  // New objects are written in model order (the order 'site-gen new' writes), not in the order of typing.
  if (Array.isArray(value)) return value.map((v) => ordered(name, v));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const key of [...orderFor(name, value), ...Object.keys(value)]) {
    if (key in value && !(key in out) && !isEmpty(value[key])) out[key] = ordered(key, value[key]);
  }
  return out;
}

const withoutFormOnly = (data) => Object.fromEntries(Object.entries(data).filter(([k]) => !formOnly(k)));
const ORIGINAL = "_vorher";  // form-only: the text of the file being saved, set by preSave (Decap's entry.raw)
let shapes = [];  // collections filtered by a form-only field (site-gen-lists.js)
const tagged = new Map();  // collection name -> [form-only field set to a random mark before saving a new entry, fields the path needs]
const seenKeys = new Set();

function keyOf(data) {
  if (data && typeof data === "object" && typeof data.id === "string") return "id:" + data.id;
  return "keys:" + Object.keys(data || {}).filter((k) => !formOnly(k)).sort().join(",");
}

function remember(data, content, saved = false) {
  // The fallback when a save brings no text of its own (ORIGINAL; an editor without Decap's preSave event).
  // Records without an id (entry files) share their keys: an original is kept only while one file has them,
  // so a save never merges into another file's text (such a file is then written from the form alone).
  const key = keyOf(data);
  const shared = key.startsWith("keys:") && seenKeys.has(key);
  if (!shared || (saved ? originals.get(key) !== undefined : originals.get(key) === content)) originals.set(key, content);
  else originals.set(key, undefined);
  seenKeys.add(key);
}

function learnTag(collection) {
  const tag = /{{\s*(_[a-z_]+)\s*}}/.exec(collection.slug || "");
  const needs = [...(collection.path || "").matchAll(/{{\s*(_[a-z_]+)\s*}}/g)].map((m) => m[1]);
  const field = tag && (collection.fields || []).find((f) => f.name === tag[1]);
  if (tag && (!field || field.widget === "hidden")) tagged.set(collection.name, [tag[1], needs]);
}

function isEmpty(value) {
  if (value === undefined || value === null || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === "object") return Object.values(value).every(isEmpty);
  return false;
}

function fresh(doc, value, flow, name) {
  const node = doc.createNode(ordered(name, value));
  if (flow && (isSeq(node) || isMap(node))) node.flow = true;
  return node;
}

function merge(doc, node, value, name) {
  if (Array.isArray(value)) {
    if (!isSeq(node)) return fresh(doc, value, false, name);
    const flat = value.every((v) => v === null || typeof v !== "object");
    value.forEach((v, i) => {
      node.items[i] = i < node.items.length ? merge(doc, node.items[i], v, name) : fresh(doc, v, node.flow && flat, name);
    });
    node.items.length = value.length;
    return node;
  }
  if (value !== null && typeof value === "object") {
    if (!isMap(node)) return fresh(doc, value, false, name);
    mergeMap(doc, node, ordered(name, value), name);
    return node;
  }
  if (isScalar(node)) {
    if (node.value !== value) node.value = value;  // keeps the comment and the quoting style
    return node;
  }
  return fresh(doc, value, false, name);
}

function keyName(pair) {
  return isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
}

function mergeMap(doc, map, value, name) {
  const keep = new Set();
  let previous = -1;
  for (const [key, v] of Object.entries(value)) {
    const index = map.items.findIndex((pair) => keyName(pair) === key);
    if (index >= 0) {
      const was = map.items[index].value;
      if (isEmpty(v) && (isSeq(was) || isMap(was)) && was.items.length === 0) {
        keep.add(key);  // 'wishes: []' stays as written, whatever empty value the widget reports
        previous = index;
        continue;
      }
      if (isEmpty(v) && !Array.isArray(v)) continue;  // the coach cleared the field: drop the key
      map.items[index].value = merge(doc, map.items[index].value, v, key);
      keep.add(key);
      previous = index;
    } else if (!isEmpty(v)) {
      map.items.splice(previous + 1, 0, doc.createPair(key, ordered(key, v)));
      keep.add(key);
      previous += 1;
    }
  }
  const emptyBefore = (node) => (isSeq(node) || isMap(node)) && node.items.length === 0;
  map.items = map.items.filter((pair) => keep.has(keyName(pair)) || (!(keyName(pair) in value) && emptyBefore(pair.value)));
}

function sorted(value, keys) {
  const out = {};
  for (const key of keys || []) if (key in value && !isEmpty(value[key])) out[key] = value[key];
  for (const [key, v] of Object.entries(value)) if (!(key in out) && !isEmpty(v)) out[key] = v;
  return out;
}

function keepCommentSpacing(text, before) {
  // The library writes "value # comment"; site-gen new writes "value  # comment". A line that differs
  // from one of the original lines only in the spaces before its comment is written as it was.
  if (before === undefined) return text;
  const squeeze = (line) => line.replace(/\s+#/, " #");
  const originalLines = new Map();
  for (const line of before.split("\n")) if (line.includes("#") && !originalLines.has(squeeze(line))) originalLines.set(squeeze(line), line);
  return text.split("\n").map((line) => (line.includes(" #") && originalLines.get(squeeze(line))) || line).join("\n");
}

const format = {
  fromFile(content) {
    const data = parseDocument(content).toJS() || {};
    remember(data, content);
    return mark(shapes, data);
  },
  toFile(data, sortedKeys) {
    // The file's own text when the save brought it (an existing entry, see preSave): exact whatever its keys or id.
    const own = typeof data[ORIGINAL] === "string" ? data[ORIGINAL] : undefined;
    data = withoutFormOnly(applySeals(data));  // a sealed case: the values sealed before the save (site-gen-seal.js)
    const before = own !== undefined ? own : originals.get(keyOf(data));
    const doc = before !== undefined ? parseDocument(before) : new Document({});
    if (!isMap(doc.contents)) doc.contents = doc.createNode({});
    mergeMap(doc, doc.contents, sorted(data, sortedKeys));
    const text = keepCommentSpacing(doc.toString(STRINGIFY), before);
    remember(data, text, true);
    return text;
  },
};

const configUrl = document.querySelector("link[rel='cms-config-url']")?.getAttribute("href") || "config.yml";
const config = parse(await (await fetch(configUrl)).text()) || {};
const collections = config.collections || [];
await setupSealing(config);
shapes = shapesOf(collections);
for (const collection of collections) {
  learn(collection.fields);
  learnTag(collection);
  for (const file of collection.files || []) learn(file.fields);
}

function german(error) {
  // Decap shows a failed save as "Speichern fehlgeschlagen: " + String(error); without this, "Error: " came first.
  error.toString = () => error.message;
  return error;
}

function randomMark() {
  const bytes = crypto.getRandomValues(new Uint8Array(3));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

window.CMS.registerCustomFormat("yaml", "yaml", format);
window.CMS.registerEventListener({
  name: "preSave",
  handler: ({ entry }) => {
    // An existing file: its text goes along to toFile, so the save keeps this file's comments (not another's).
    if (!entry.get("newRecord")) {
      const raw = entry.get("raw");
      return typeof raw === "string" && raw.trim() ? entry.get("data").set(ORIGINAL, raw) : undefined;
    }
    // A new entry file: six random hex digits in its name (Decap's templates have no hash), and never without its case.
    const [field, needs] = tagged.get(entry.get("collection")) || [];
    if (!field) return undefined;
    if (needs.some((name) => !entry.getIn(["data", name]))) {
      throw german(new Error(needs.includes("_arbeitsplatz") ? "Bitte den Arbeitsplatz wählen: der Kontakt wird in seinem Ordner gespeichert."
        : "Bitte die Akte wählen: der Eintrag wird in ihrem Ordner gespeichert."));
    }
    return entry.get("data").set(field, randomMark());
  },
});
window.CMS.registerEventListener({ name: "preSave", handler: sealBeforeSave });  // after the one above: sees the case chosen
showSealedValues(window.CMS);
hideCiphertext(document.body);
window.CMS.init(initOptions(parse(await (await fetch(configUrl)).text())));  // a copy: the patterns of a sealed build changed
