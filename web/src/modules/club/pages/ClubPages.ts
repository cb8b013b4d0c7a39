// The club's pages in one chunk, which SignedInRoutes loads on the first visit to any of them (as
// the surveys module's, modules/surveys/pages/SurveyPages.ts says why): going from the list to a
// member, to the rules, the events and the offers loads nothing more.
export { default as MembersPage } from './MembersPage';
export { default as MemberPage } from './MemberPage';
export { default as ClubSettingsPage } from './ClubSettingsPage';
export { default as EventsPage } from './EventsPage';
export { default as EventPage } from './EventPage';
export { default as OffersPage } from './OffersPage';
