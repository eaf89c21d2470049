/** What every collaborator publishes in Yjs awareness; y-codemirror.next reads these exact fields. */
export interface AwarenessUser {
  name: string;
  color: string;
  colorLight: string;
  /** The participant id from the room's presence, so follow mode can find a person's board view. */
  id: string;
}

export function awarenessUser(name: string, color: string, id: string): AwarenessUser {
  // color-mix accepts any CSS colour the server picks (it sends hsl() today).
  return { name, color, colorLight: `color-mix(in srgb, ${color} 28%, transparent)`, id };
}
