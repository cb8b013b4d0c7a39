/**
 * Whether the server can search for `text` (GET /customers?q=): 4+ digits of a phone or ID number
 * (spaces and dashes ignored, an ID may end in X), or else 2+ letters or characters of a name.
 * The server decides (422 fields.q = "too_short"); this only spares the calls it would refuse.
 */
export function searchable(text: string): boolean {
  const compact = text.replace(/[\s-]/g, '');
  if (!compact) return false;
  if (/^\d*[\dXx]$/.test(compact)) return compact.length >= 4;
  // Names: characters beyond ASCII count, ASCII letters and digits count, punctuation does not.
  const kept = [...text.toLowerCase()].filter((ch) => ch.charCodeAt(0) >= 0x80 || /[a-z0-9]/.test(ch));
  return kept.length >= 2;
}
