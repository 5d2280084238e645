/**
 * The importers write a row in both languages ("Năng lực, dòng 12 / row 12",
 * "dòng 4 / row 4"): the page shows the half in its own language. Sheet names
 * stay as written, since that is what the user finds in the file. Other
 * locations (paths into a CASE document) are the same in both languages.
 */
export function issueLocation(location: string, language: 'vi' | 'en'): string {
  const both = /^(.*?)dòng (\d+) \/ row \2$/.exec(location);
  if (!both) return location;
  return `${both[1]}${language === 'vi' ? 'dòng' : 'row'} ${both[2]}`;
}
