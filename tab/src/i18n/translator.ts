/**
 * The catalogue reader the tab uses: a sentence by key, its `{{blanks}}` filled in, its plural form
 * chosen by the language's rules. It does the part of i18next the tab used (i18next was 16 kB gzip
 * of every first load; this is well under one), with i18next's conventions, so the catalogues
 * (en.json, es.json) read as before:
 *
 * - keys are paths into the nested catalogue, separated by dots (`home.title`);
 * - with a numeric `count`, the form `key_<category>` is read first, the category from
 *   `Intl.PluralRules` for the language (`_one`, `_other`, Spanish's `_many`), `key_zero` first when
 *   the count is 0, and the bare `key` after;
 * - `{{name}}` takes the option `name` as text (`{{a.b}}` a nested one), unescaped (React escapes);
 *   a blank with no value stays as written;
 * - a key the catalogue lacks reads as `defaultValue` when one is given, else as the key itself,
 *   and is reported on the console.
 */
export type Catalogue = { readonly [key: string]: string | Catalogue };

/** Options of one sentence: the blanks' values, and `count` / `defaultValue`. */
export type TOptions = { readonly [name: string]: unknown };

export type TFunction = (key: string, options?: TOptions) => string;

export interface Translator {
  /** The language the catalogue speaks (`es`, `en`). */
  readonly language: string;
  t: TFunction;
  /** Whether the catalogue has a sentence at exactly this key. */
  exists(key: string): boolean;
  /** Adds sections to the catalogue (the rest of it, loaded after the first screen). */
  add(sections: Catalogue): void;
}

/**
 * The value at a dotted path. A key may itself hold dots (`signIn.roles.Tandem.Admin`, the app
 * role's name), so each step tries the next one, two, … parts as one key, as i18next does.
 */
function lookup(node: unknown, parts: readonly string[]): unknown {
  if (parts.length === 0) return node;
  if (typeof node !== 'object' || node === null) return undefined;
  for (let take = 1; take <= parts.length; take++) {
    const name = parts.slice(0, take).join('.');
    if (!Object.hasOwn(node, name)) continue;
    const found = lookup((node as Record<string, unknown>)[name], parts.slice(take));
    if (found !== undefined) return found;
  }
  return undefined;
}

const BLANK = /\{\{\s*([^{}\s]+)\s*\}\}/g;

function fill(text: string, options: TOptions | undefined): string {
  if (!options) return text;
  return text.replace(BLANK, (blank, name: string) => {
    const value = Object.hasOwn(options, name) ? options[name] : lookup(options, name.split('.'));
    if (value === undefined) return blank;
    return value === null ? '' : String(value);
  });
}

export function createTranslator(
  language: string,
  first: Catalogue,
  onMissing: (key: string) => void = (key) => console.error(`Missing translation: ${key}`),
): Translator {
  const plurals = new Intl.PluralRules(language);
  let catalogue = first;
  const sentence = (key: string): string | undefined => {
    const found = lookup(catalogue, key.split('.'));
    return typeof found === 'string' ? found : undefined;
  };
  const t: TFunction = (key, options) => {
    const count = options?.count;
    const candidates =
      typeof count === 'number'
        ? [...(count === 0 ? [`${key}_zero`] : []), `${key}_${plurals.select(count)}`, key]
        : [key];
    for (const candidate of candidates) {
      const found = sentence(candidate);
      if (found !== undefined) return fill(found, options);
    }
    onMissing(key);
    const fallback = options?.defaultValue;
    return typeof fallback === 'string' ? fill(fallback, options) : key;
  };
  return {
    language,
    t,
    exists: (key) => sentence(key) !== undefined,
    add: (sections) => {
      catalogue = { ...catalogue, ...sections };
    },
  };
}
