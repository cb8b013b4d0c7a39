import dayjs from 'dayjs';

/** An RFC 3339 UTC time from the server, shown in the browser's local time. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const time = dayjs(value);
  return time.isValid() ? time.format('YYYY-MM-DD HH:mm:ss') : value;
}
