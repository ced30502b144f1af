// Reads the value a zod issue's path points at from the input itself (zod's issues do not carry it),
// so that messages can say what was found ("a number", "null") where text was expected.
export function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const key of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}
