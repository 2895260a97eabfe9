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
  const re = new RegExp(`^${path.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(url.pathname + url.search);
}
