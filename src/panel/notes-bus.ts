// Lets other parts of the panel (key facts, "what they mean") add a line to the current
// ticket's notes box without reaching into it: the box appends and saves like typing.
type Listener = (line: string) => void;
const listeners = new Set<Listener>();

export function appendToNotes(line: string): void {
  for (const l of listeners) l(line);
}

export function onAppendToNotes(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
