// The module's pages in one chunk, which SignedInRoutes loads on the first visit to any of them (as
// the surveys module's, modules/surveys/pages/SurveyPages.ts says why): going from the list to a model
// and to its editor loads nothing more. The model page's chart (ECharts) stays a chunk of its own
// (components/SegmentCharts.tsx).
export { default as SegmentModelsPage } from './SegmentModelsPage';
export { default as SegmentModelPage } from './SegmentModelPage';
export { NewModelPage, EditModelPage } from './SegmentEditorPage';
export { default as ValueAssumptionsPage } from './ValueAssumptionsPage';
