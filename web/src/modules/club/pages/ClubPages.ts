// The club's pages in one chunk, which SignedInRoutes loads on the first visit to any of them (as
// the surveys module's, modules/surveys/pages/SurveyPages.ts says why): going from the list to a
// member and to the rules loads nothing more.
export { default as MembersPage } from './MembersPage';
export { default as MemberPage } from './MemberPage';
export { default as ClubSettingsPage } from './ClubSettingsPage';
