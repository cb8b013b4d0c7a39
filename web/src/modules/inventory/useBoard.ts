import { useCallback, useEffect, useRef, useState } from 'react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { subscribeServerEvent } from '../../shared/api/serverEvents';
import { inventoryApi } from './api';
import { projectKeys } from './queries';
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

/** The server's `unit` event: a unit of a project moved along the sales pipeline (a deal committed). */
interface UnitMoved {
  project_id: number;
  building: string;
}

/**
 * The sales-control board of a building, kept current without reloading the page: the server's
 * `unit` event (a sale, a cancellation, on any screen) reads the board again within a second;
 * as a fallback it also polls every `intervalMs` while the browser tab is visible (and at once
 * when it becomes visible again), and
 * keeps the board it has when the answer's `revision` (and set of buildings) is the same, so an
 * unchanged answer re-renders nothing. Until another building's board comes, the last one stays.
 */
export function useBoard(projectId: number, building: string | undefined, intervalMs = kBoardPollMs): LiveBoard {
  const query = useQuery({
    queryKey: projectKeys.board(projectId, building),
    queryFn: ({ signal }) => inventoryApi.board(projectId, building, signal),
    refetchInterval: intervalMs,
    refetchOnWindowFocus: true,
    placeholderData: keepPreviousData,
    structuralSharing: (previous, next) => (previous && boardKey(previous as Board) === boardKey(next as Board) ? previous : next),
  });
  const board = query.data ?? null;
  const { refetch } = query;

  // The board object changes only when the board did (see structuralSharing).
  const [seen, setSeen] = useState<{ board: Board | null; at: number | null }>({ board: null, at: null });
  if (board !== seen.board) setSeen({ board, at: board ? Date.now() : seen.at });

  const reload = useCallback(async () => {
    await refetch();
  }, [refetch]);

  // A unit of this building moved: read the board now, not at the next poll.
  const shown = useRef<string | undefined>(building);
  shown.current = board?.building ?? building;
  useEffect(
    () =>
      subscribeServerEvent('unit', (data) => {
        const moved = data as UnitMoved;
        // A hidden tab catches up when it is shown again (refetchOnWindowFocus), as the polls do.
        if (document.hidden) return;
        if (moved.project_id === projectId && (!shown.current || moved.building === shown.current)) void refetch();
      }),
    [projectId, refetch],
  );
  return { board, loading: query.isPending || query.isPlaceholderData, error: query.error, changedAt: seen.at, reload };
}
