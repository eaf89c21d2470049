import * as Y from 'yjs';

/**
 * lib0 decodes a JSON object in a Y.Map or Y.Array by assigning its keys one by one, and V8 turns
 * an object built by computed-key stores into a hash table past a dozen properties: a whiteboard
 * element (~25 properties) then takes ~1.5 KB of heap instead of ~0.3 KB, two thirds of a loaded
 * board. A spread copy has the same keys, order and values in V8's compact layout.
 */
function fasten(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i += 1) value[i] = fasten(value[i]);
    return value;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  const copy: Record<string, unknown> = { ...value };
  for (const key in copy) copy[key] = fasten(copy[key]);
  return copy;
}

/**
 * Re-lays the JSON values a transaction added to the document (an `afterTransaction` listener):
 * only the structs past each client's clock before it, so an edit costs as much as it added.
 */
export function fastenNewValues(transaction: Y.Transaction): void {
  const { doc, beforeState, afterState } = transaction;
  afterState.forEach((clock, client) => {
    const from = beforeState.get(client) ?? 0;
    const structs = doc.store.clients.get(client);
    if (clock <= from || !structs) return;
    for (let i = Y.findIndexSS(structs, from); i < structs.length; i += 1) {
      const struct = structs[i];
      if (struct instanceof Y.Item && struct.content instanceof Y.ContentAny) {
        const { arr } = struct.content;
        for (let j = 0; j < arr.length; j += 1) arr[j] = fasten(arr[j]);
      }
    }
  });
}
