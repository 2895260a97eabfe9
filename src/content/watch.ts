// Watches a single-page desk for ticket changes cheaply. Mutations are coalesced to at most one
// read per animation frame; mutations inside the reply editor are ignored. A read right after a
// quiet spell, a URL change or an unfinished render happens on the next frame (ticket switches
// feel instant); a stream of mutations (a busy chat) is read at most once per `busyIntervalMs`.

export interface WatchOptions {
  ignoreInside?: string;
  /** Reads the page; returns false when the page is still rendering what the URL names. */
  onChange(): boolean;
  busyIntervalMs?: number;
}

export function watchPage(doc: Document, opts: WatchOptions): () => void {
  const win = doc.defaultView!;
  const busyInterval = opts.busyIntervalMs ?? 250;
  const channel = new MessageChannel();
  let scheduled = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = -Infinity;
  let lastUrl = win.location.href;
  let settled = true;

  const run = () => {
    scheduled = false;
    timer = undefined;
    lastRead = performance.now();
    lastUrl = win.location.href;
    settled = opts.onChange();
  };
  channel.port1.onmessage = run;

  // Hidden tabs get no animation frames; a message-channel task keeps them current.
  const nextFrame = () => (doc.visibilityState === 'visible' ? win.requestAnimationFrame(run) : channel.port2.postMessage(0));

  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    const urgent = !settled || win.location.href !== lastUrl;
    const wait = urgent ? 0 : lastRead + busyInterval - performance.now();
    if (wait <= 0) nextFrame();
    else timer = setTimeout(nextFrame, wait);
  };

  const insideEditor = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!(opts.ignoreInside && el?.closest(opts.ignoreInside));
  };

  const observer = new MutationObserver((records) => {
    if (scheduled && settled && win.location.href === lastUrl) return;
    for (const r of records) {
      if (!insideEditor(r.target)) {
        // An urgent reason (URL change) may pre-empt a pending busy-interval read.
        if (scheduled && timer !== undefined && (win.location.href !== lastUrl || !settled)) {
          clearTimeout(timer);
          scheduled = false;
        }
        return schedule();
      }
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-is-active', 'data-selected', 'hidden', 'aria-selected'] });

  const onUrl = () => {
    if (win.location.href === lastUrl) return;
    if (timer !== undefined) {
      clearTimeout(timer);
      scheduled = false;
    }
    schedule();
  };
  win.addEventListener('popstate', onUrl);
  win.addEventListener('hashchange', onUrl);
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onUrl);

  return () => {
    observer.disconnect();
    clearTimeout(timer);
    win.removeEventListener('popstate', onUrl);
    win.removeEventListener('hashchange', onUrl);
    nav?.removeEventListener('navigatesuccess', onUrl);
    channel.port1.close();
  };
}
