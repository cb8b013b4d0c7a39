// The campaigns' pages in one chunk, which SignedInRoutes loads on the first visit to any of them (as
// the surveys module's, modules/surveys/pages/SurveyPages.ts says why): going from the list to a
// campaign, to its editor and back loads nothing more.
export { default as CampaignsPage } from './CampaignsPage';
export { default as CampaignPage } from './CampaignPage';
export { NewCampaignPage, EditCampaignPage } from './CampaignEditorPage';
