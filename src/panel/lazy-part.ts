// A part of the panel whose code loads after the first render: the follow-ups, the draft tips.
// They sit below the glance area or float over it, so arriving a moment later moves nothing.
import { h, type ComponentType, type FunctionComponent } from 'preact';
import { useEffect, useState } from 'preact/hooks';

export function lazyPart<P extends object>(load: () => Promise<ComponentType<P>>): FunctionComponent<P> {
  let loaded: ComponentType<P> | null = null;
  let pending: Promise<void> | null = null;
  return function LazyPart(props: P) {
    const [, setReady] = useState(!!loaded);
    useEffect(() => {
      if (loaded) return;
      let live = true;
      pending ??= load().then((c) => {
        loaded = c;
      });
      pending.then(() => live && setReady(true), () => undefined);
      return () => {
        live = false;
      };
    }, []);
    return loaded ? h(loaded, props) : null;
  };
}
