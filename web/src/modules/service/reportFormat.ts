// The report's figures as text, for the report page and its CSV and for the supervisor's glance on
// the home page: apart from reportCsv.ts, so that the home page does not load the CSV writer.

/** "95.2%" of a fraction, "" when there is none. */
export const percentText = (rate: number | null) => (rate === null ? '' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`);
/** "14.9" of hours, "" when there is none. */
export const hoursText = (hours: number | null) => (hours === null ? '' : (Math.round(hours * 10) / 10).toFixed(1));
