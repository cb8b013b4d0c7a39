/**
 * The signed-in person's server-sent events (GET /api/v1/events) as one EventSource per browser
 * tab, shared by whoever listens: a page subscribes to an event by name and is called with its
 * parsed `data`; the stream opens with the first listener and closes with the last. EventSource
 * sends the session cookie and reconnects by itself. (The server keeps at most 8 streams a person.)
 */
type Listener = (data: unknown) => void;

let source: EventSource | null = null;
const listeners = new Map<string, Set<Listener>>();
const dispatchers = new Map<string, (event: MessageEvent<string>) => void>();

function dispatcherOf(name: string) {
  let dispatch = dispatchers.get(name);
  if (!dispatch) {
    dispatch = (event: MessageEvent<string>) => {
      let data: unknown;
      try {
        data = JSON.parse(event.data);
      } catch {
        return;  // not ours to read
      }
      for (const listen of listeners.get(name) ?? []) listen(data);
    };
    dispatchers.set(name, dispatch);
  }
  return dispatch;
}

/** Calls `listen` with each `name` event's data until the returned function is called. */
export function subscribeServerEvent(name: string, listen: Listener): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  if (!source) source = new EventSource('/api/v1/events');
  let set = listeners.get(name);
  if (!set) {
    set = new Set();
    listeners.set(name, set);
    source.addEventListener(name, dispatcherOf(name) as EventListener);
  }
  set.add(listen);
  return () => {
    const current = listeners.get(name);
    current?.delete(listen);
    if (current && current.size === 0) {
      listeners.delete(name);
      source?.removeEventListener(name, dispatcherOf(name) as EventListener);
    }
    if (listeners.size === 0 && source) {
      source.close();
      source = null;
    }
  };
}
