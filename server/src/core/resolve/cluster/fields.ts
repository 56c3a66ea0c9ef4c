// Small readers for Kubernetes objects that arrive as untyped YAML/JSON. Each returns a plain value or
// undefined, so the converters can say precisely which field is missing or of the wrong shape.

export type Obj = Record<string, unknown>;

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object at a path of keys, or undefined when any step is missing or not an object. */
export function objAt(value: unknown, ...keys: string[]): Obj | undefined {
  let current: unknown = value;
  for (const key of keys) {
    if (!isObj(current)) return undefined;
    current = current[key];
  }
  return isObj(current) ? current : undefined;
}

/** A string field; numbers are accepted as their decimal text (YAML reads `port: 53` as a number). */
export function str(obj: Obj | undefined, key: string): string | undefined {
  const value = obj?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

/** An integer field, also when written as a quoted number. */
export function int(obj: Obj | undefined, key: string): number | undefined {
  const value = obj?.[key];
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?[0-9]+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

export function bool(obj: Obj | undefined, key: string): boolean | undefined {
  const value = obj?.[key];
  return typeof value === 'boolean' ? value : undefined;
}

/** An array field; anything else is an empty list. */
export function list(obj: Obj | undefined, key: string): unknown[] {
  const value = obj?.[key];
  return Array.isArray(value) ? value : [];
}

/** The strings of an array field, skipping entries that are not strings. */
export function strings(obj: Obj | undefined, key: string): string[] {
  return list(obj, key).filter((v): v is string => typeof v === 'string');
}

/** A string-to-string map such as metadata.labels. */
export function stringMap(obj: Obj | undefined, key: string): Record<string, string> {
  const value = obj?.[key];
  const out: Record<string, string> = {};
  if (!isObj(value)) return out;
  for (const [k, v] of Object.entries(value)) {
    if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}
