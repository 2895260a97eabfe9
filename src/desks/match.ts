/** Turns a manifest match pattern into a test on a URL (scheme, host with optional *. prefix and
 *  optional port, path glob). Without a port in the pattern any port matches, as in Chrome. */
export function matchesPattern(pattern: string, url: URL): boolean {
  const m = /^(\*|https?|file):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/.exec(pattern);
  if (!m) return false;
  const [, scheme, hostPort, path] = m as unknown as [string, string, string, string];
  const proto = url.protocol.slice(0, -1);
  if (scheme === '*' ? proto !== 'http' && proto !== 'https' : proto !== scheme) return false;
  if (hostPort !== '*') {
    const [host, port] = hostPort.toLowerCase().split(':') as [string, string | undefined];
    if (port !== undefined && port !== '*' && port !== (url.port || (proto === 'https' ? '443' : '80'))) return false;
    if (host.startsWith('*.')) {
      const bare = host.slice(2);
      if (url.hostname !== bare && !url.hostname.endsWith(`.${bare}`)) return false;
    } else if (url.hostname !== host) return false;
  }
  return globMatches(path, url.pathname + url.search);
}

/**
 * Whether `text` matches a glob where `*` is any run of characters. Without a regular expression:
 * ".*" several times over backtracks (1.3 s on a 400-character path). The first piece must start
 * the text, the last must end it, and each piece between is taken at its earliest place, which is
 * always safe for `*`-only globs: one left-to-right pass.
 */
export function globMatches(glob: string, text: string): boolean {
  const pieces = glob.split('*');
  if (pieces.length === 1) return glob === text;
  const head = pieces[0]!;
  const tail = pieces[pieces.length - 1]!;
  if (head.length + tail.length > text.length || !text.startsWith(head) || !text.endsWith(tail)) return false;
  let at = head.length;
  const end = text.length - tail.length;
  for (let k = 1; k < pieces.length - 1; k++) {
    const piece = pieces[k]!;
    if (!piece) continue;
    const found = text.indexOf(piece, at);
    if (found < 0 || found + piece.length > end) return false;
    at = found + piece.length;
  }
  return true;
}
