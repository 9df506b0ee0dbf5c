// Which list an entry file of a case folder belongs to, from its keys alone (Decap's format sees no path).
// A collection filtered by a form-only field (config.yml: filter: {field: _liste, value: consents}) shows the
// files marked with its value. A file is marked when its keys are all fields of exactly one such collection's
// form and every required field of that form is there; site-gen's models make that unambiguous (no two entry
// models can share such a key set: tests/cms/test_config.py). No DOM, no Decap: node runs it in the tests.

// Keys starting with "_" belong to the form only (the case an entry file goes to, its random mark, the list
// it is shown in, the text it had): they make the path and the list filter and are never written into a file.
export const formOnly = (key) => key.startsWith("_");

export function shapesOf(collections) {
  // [field, value, field names, required field names] of every collection filtered by a form-only field.
  const shapes = [];
  for (const collection of collections || []) {
    const filter = collection.filter;
    if (!filter || typeof filter.field !== "string" || !formOnly(filter.field)) continue;
    const fields = (collection.fields || []).filter((f) => !formOnly(f.name));
    shapes.push([filter.field, filter.value, new Set(fields.map((f) => f.name)),
                 fields.filter((f) => f.required !== false).map((f) => f.name)]);
  }
  return shapes;
}

export function fitting(shapes, data) {
  // The shapes whose form fits the keys of ``data`` (a plain object).
  const keys = Object.keys(data).filter((k) => !formOnly(k));
  return shapes.filter(([, , names, required]) => keys.every((k) => names.has(k)) && required.every((k) => k in data));
}

export function mark(shapes, data) {
  // Mark ``data`` with the one list it fits; a file that fits none (or, against the models, two) is left unmarked.
  if (!data || typeof data !== "object" || Array.isArray(data)) return data;
  const found = fitting(shapes, data);
  if (found.length === 1) data[found[0][0]] = found[0][1];
  return data;
}
