import { useTranslation } from 'react-i18next';
import type { ReportReader } from '../../api/hr';
import { viewerTimeZone } from '../../i18n/format';
import { languageOf } from '../../i18n/i18n';

/** Saves a file the browser downloaded (a CSV export) under the name the API suggested. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Who reads HR's exports: the tab's language (the API picks the words and Excel's separator from
 * it: `;` for Spanish, `,` for English) and the browser's time zone (the times in the file).
 */
export function useReportReader(): ReportReader {
  const { i18n } = useTranslation();
  return { lang: languageOf(i18n.language), tz: viewerTimeZone() };
}
