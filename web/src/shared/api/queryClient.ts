import { focusManager, QueryClient } from '@tanstack/react-query';

/**
 * The one cache of server data (TanStack Query). Each module keys its queries under its own first
 * element ("customers", "tickets", …; see the module's queries.ts) and updates or invalidates them
 * after it writes. Calls are not retried and a window regaining focus reads nothing again, as
 * before the cache: a page shows a failure at once and offers its own retry. Signing out clears it.
 */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: { retry: false, refetchOnWindowFocus: false },
    mutations: { retry: false },
  },
});

// Polling (the sales-control board, the notification bell) pauses while the browser tab is hidden
// and reads at once when it is shown again; `document.hidden` is what tells (as before the cache).
focusManager.setEventListener((setFocused) => {
  const onChange = () => setFocused(!document.hidden);
  document.addEventListener('visibilitychange', onChange);
  return () => document.removeEventListener('visibilitychange', onChange);
});
