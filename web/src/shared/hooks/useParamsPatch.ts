import { useSearchParams } from 'react-router-dom';

export type ParamsPatch = Record<string, string | number | null | undefined>;

/**
 * The address's query (a page's filters) and a way to change some of its members in place: a
 * member given null, undefined or '' is dropped, the others are set; the rest stay. The change
 * replaces the history entry (choosing a filter is not a step back).
 */
export function useParamsPatch(): [URLSearchParams, (patch: ParamsPatch) => void] {
  const [params, setParams] = useSearchParams();
  const patch = (change: ParamsPatch) => {
    // From the address as it is now, not as this render saw it: two changes made before the page
    // renders again (a navigation is a transition) both stay.
    const next = new URLSearchParams(window.location.search);
    for (const [key, value] of Object.entries(change)) {
      if (value !== null && value !== undefined && value !== '') next.set(key, String(value));
      else next.delete(key);
    }
    setParams(next, { replace: true });
  };
  return [params, patch];
}
