/** What every collaborator publishes in Yjs awareness; y-codemirror.next reads these exact fields. */
export interface AwarenessUser {
  name: string;
  color: string;
  colorLight: string;
}

export function awarenessUser(name: string, color: string): AwarenessUser {
  // color-mix accepts any CSS colour the server picks (it sends hsl() today).
  return { name, color, colorLight: `color-mix(in srgb, ${color} 28%, transparent)` };
}
