import { useCallback, useEffect, useRef, useState } from 'react';
import { inventoryApi } from './api';
import type { Board } from './types';

export const kBoardPollMs = 4000;

export interface LiveBoard {
  board: Board | null;
  /** True until the first answer for this project and building. */
  loading: boolean;
  /** The last failure; cleared by the next answer. The board read before stays on screen. */
  error: unknown;
  /** When the board last changed (ms since the epoch), as this browser saw it. */
  changedAt: number | null;
  /** Reads the board now (after a change made here, or from a retry button). */
  reload: () => Promise<void>;
}

/** What tells two answers apart: the shown building, its revision, and the project's buildings. */
const boardKey = (board: Board) => `${board.building}|${board.revision}|${board.buildings.join(',')}`;

/**
 * The sales-control board of a building, kept current without reloading the page: it polls every
 * `intervalMs` while the browser tab is visible (and at once when it becomes visible again), and
 * changes state only when the board's `revision` (or the set of buildings) changed, so an unchanged
 * answer re-renders nothing.
 */
export function useBoard(projectId: number, building: string | undefined, intervalMs = kBoardPollMs): LiveBoard {
  const [board, setBoard] = useState<Board | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(null);
  const [changedAt, setChangedAt] = useState<number | null>(null);
  const lastKey = useRef<string | null>(null);
  const lastError = useRef<unknown>(null);
  const inFlight = useRef(false);
  const waiting = useRef(true);
  const generation = useRef(0);

  const read = useCallback(
    async (mine: number, signal?: AbortSignal) => {
      inFlight.current = true;
      try {
        const next = await inventoryApi.board(projectId, building, signal);
        if (mine !== generation.current) return;
        if (lastError.current !== null) {
          lastError.current = null;
          setError(null);
        }
        const key = boardKey(next);
        if (key !== lastKey.current) {
          lastKey.current = key;
          setBoard(next);
          setChangedAt(Date.now());
        }
      } catch (err) {
        if (mine !== generation.current || (err instanceof DOMException && err.name === 'AbortError')) return;
        lastError.current = err;
        setError(err);
      } finally {
        if (mine === generation.current) {
          inFlight.current = false;
          if (waiting.current) {
            waiting.current = false;
            setLoading(false);
          }
        }
      }
    },
    [projectId, building],
  );

  useEffect(() => {
    const mine = ++generation.current;
    const controller = new AbortController();
    lastKey.current = null;
    inFlight.current = false;
    waiting.current = true;
    setLoading(true);
    void read(mine, controller.signal);

    const poll = () => {
      if (document.hidden || inFlight.current) return;
      void read(mine, controller.signal);
    };
    const timer = window.setInterval(poll, intervalMs);
    document.addEventListener('visibilitychange', poll);
    return () => {
      controller.abort();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', poll);
    };
  }, [read, intervalMs]);

  const reload = useCallback(() => read(generation.current), [read]);
  return { board, loading, error, changedAt, reload };
}
