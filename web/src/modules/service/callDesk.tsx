// The hotline agent's part of the signed-in frame (the seat control in the header, 来电弹屏), a chunk
// of its own loaded beside the frame rather than in it: the first screen stays under its budget
// (scripts/first-screen.mjs), and neither shows anything the first paint needs.
import { lazy } from 'react';

export const SeatControl = lazy(() => import('./components/SeatButton').then((m) => ({ default: m.SeatControl })));
export const ScreenPop = lazy(() => import('./components/ScreenPop').then((m) => ({ default: m.ScreenPop })));
