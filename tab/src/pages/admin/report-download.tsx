import { Button, Field, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import { USUAL_SEPARATOR } from '../../../../functions/src/domain/progress/list-separator';
import type { ReportReader } from '../../api/hr';
import { ErrorState } from '../../components/ErrorState';
import { useAction } from '../../components/useAsync';
import { viewerTimeZone } from '../../i18n/format';
import { languageOf } from '../../i18n/i18n';
import { useTranslation } from '../../i18n/react';

/** Saves a file the browser downloaded (a CSV export) under the name the API suggested. */
export function saveFile(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

type Separator = NonNullable<ReportReader['sep']>;
/** The separator this browser's HR person chose last, kept for their next export. */
const SEPARATOR_KEY = 'tandem.csvSeparator';
/** The picker's order: Spanish Excel's first. */
const SEPARATORS: readonly Separator[] = ['semicolon', 'comma'];

function storedSeparator(): Separator | undefined {
  try {
    const value = localStorage.getItem(SEPARATOR_KEY);
    return SEPARATORS.find((s) => s === value);
  } catch {
    return undefined; // Storage blocked (a private window, a locked-down browser).
  }
}

/**
 * Who reads HR's exports: the tab's language (the API picks the words and, unless the reader
 * chose one, Excel's separator from it: `;` for Spanish, `,` for English), the browser's time
 * zone (the times in the file), and the separator the reader picked.
 */
function useReportReader() {
  const { i18n } = useTranslation();
  const lang = languageOf(i18n.language);
  const [chosen, setChosen] = useState(storedSeparator);
  const sep: Separator = chosen ?? USUAL_SEPARATOR[lang];
  const choose = (value: Separator) => {
    setChosen(value);
    try {
      localStorage.setItem(SEPARATOR_KEY, value);
    } catch {
      // Not kept across visits; this export still uses it.
    }
  };
  const reader: ReportReader = { lang, tz: viewerTimeZone(), sep };
  return { reader, sep, choose };
}

const useStyles = makeStyles({
  row: {
    display: 'flex',
    flexWrap: 'wrap',
    gap: tokens.spacingHorizontalM,
    alignItems: 'flex-end',
  },
});

/**
 * An export button with the Excel separator beside it: Spanish Excel splits on `;`, English on
 * `,` — the default follows the language, and the reader's own choice is remembered.
 */
export function CsvExport({
  label,
  download,
}: {
  label: string;
  download: (reader: ReportReader) => Promise<{ blob: Blob; fileName: string }>;
}) {
  const { t } = useTranslation();
  const styles = useStyles();
  const { reader, sep, choose } = useReportReader();
  const [run, failure] = useAction(() => {});
  return (
    <>
      {failure !== undefined && <ErrorState error={failure} />}
      <div className={styles.row}>
        <Field label={t('report.separator')}>
          <Select value={sep} onChange={(_, d) => choose(d.value as Separator)}>
            {SEPARATORS.map((s) => (
              <option key={s} value={s}>
                {t(`report.separators.${s}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          onClick={() =>
            run(async () => {
              const file = await download(reader);
              saveFile(file.blob, file.fileName);
            })
          }
        >
          {label}
        </Button>
      </div>
    </>
  );
}
