// The module's pages in one chunk, which SignedInRoutes loads on the first visit to any of them: one
// new lazy entry rather than four leaves the chunks the other pages share as they were (four moved
// shared modules into the chunks of the first screen, +5 KB gzip; scripts/first-screen.mjs weighs
// it), and going from a survey to its wave or its results loads nothing more. The results page's
// charts (ECharts) stay a chunk of their own (components/ResultCharts.tsx).
export { default as SurveysPage } from './SurveysPage';
export { default as SurveyPage } from './SurveyPage';
export { default as WavePage } from './WavePage';
export { default as ResultsPage, ResultsRedirect } from './ResultsPage';
