/** Saves text as a file through the browser's download UI (the agent's own copy; nothing is uploaded). */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function stamp(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}
