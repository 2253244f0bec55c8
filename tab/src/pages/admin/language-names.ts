/**
 * A language's name in the reader's language, from its BCP-47 code: "es" reads "español" in
 * Spanish and "Spanish" in English (Intl.DisplayNames). A code Intl cannot name stays a code.
 */
export function languageName(code: string, readerLanguage: string): string {
  try {
    return new Intl.DisplayNames([readerLanguage], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
