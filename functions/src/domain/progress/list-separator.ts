/**
 * Excel's list separator, by the name the API's `?sep=` and the tab use, and the usual one of
 * each report language: `;` where the decimal mark is the comma (Spain), `,` in English locales
 * ("Excel uses the list separators defined in the Windows regional settings":
 * https://learn.microsoft.com/power-automate/desktop-flows/how-to/convert-csv-excel). Free of
 * imports, so the tab's export picker takes the same default as the API's words.
 */
export const LIST_SEPARATORS = { comma: ',', semicolon: ';' } as const;
export type ListSeparatorName = keyof typeof LIST_SEPARATORS;
export type ListSeparator = (typeof LIST_SEPARATORS)[ListSeparatorName];
export const LIST_SEPARATOR_NAMES = Object.keys(LIST_SEPARATORS) as [
  ListSeparatorName,
  ...ListSeparatorName[],
];

/** The separator a reader of each language gets unless they choose one. */
export const USUAL_SEPARATOR = { es: 'semicolon', en: 'comma' } as const satisfies Record<
  'es' | 'en',
  ListSeparatorName
>;
