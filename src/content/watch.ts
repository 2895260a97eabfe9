// Watches a single-page desk for ticket changes cheaply: mutations are coalesced to at most one
// read per animation frame, mutations inside the reply editor are ignored, and URL changes
// (which come before the pane renders) trigger a read too.

export interface WatchOptions {
  ignoreInside?: string;
  onChange(): void;
}

export function watchPage(doc: Document, opts: WatchOptions): () => void {
  const win = doc.defaultView!;
  let scheduled = false;
  const channel = new MessageChannel();

  const run = () => {
    scheduled = false;
    opts.onChange();
  };
  channel.port1.onmessage = run;

  // Hidden tabs get no animation frames; a message-channel task keeps them current.
  const schedule = () => {
    if (scheduled) return;
    scheduled = true;
    if (doc.visibilityState === 'visible') win.requestAnimationFrame(run);
    else channel.port2.postMessage(0);
  };

  const insideEditor = (node: Node): boolean => {
    const el = node.nodeType === 1 ? (node as Element) : node.parentElement;
    return !!(opts.ignoreInside && el?.closest(opts.ignoreInside));
  };

  const observer = new MutationObserver((records) => {
    if (scheduled) return;
    for (const r of records) {
      if (!insideEditor(r.target)) return schedule();
    }
  });
  observer.observe(doc.documentElement, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-is-active', 'data-selected', 'value', 'class', 'hidden', 'aria-selected'] });

  let lastUrl = win.location.href;
  const onUrl = () => {
    if (win.location.href !== lastUrl) {
      lastUrl = win.location.href;
      schedule();
    }
  };
  win.addEventListener('popstate', onUrl);
  win.addEventListener('hashchange', onUrl);
  const nav = (win as unknown as { navigation?: EventTarget }).navigation;
  nav?.addEventListener('navigatesuccess', onUrl);

  return () => {
    observer.disconnect();
    win.removeEventListener('popstate', onUrl);
    win.removeEventListener('hashchange', onUrl);
    nav?.removeEventListener('navigatesuccess', onUrl);
    channel.port1.close();
  };
}
