import { readFileSync } from 'node:fs';
import type { DeliveredActivity } from './graph/teamwork/activity-feed';
import type { SimPerson } from './graph/tenant';

/**
 * The local inbox (`/_local/inbox` of `npm start`): what each demo person's Teams activity feed
 * would show, from the Graph simulator's delivered notices — the notice's type as Teams lists it,
 * its text in the person's language (the manifest's template, Spanish from
 * appPackage/localization/es-es.json, with Tandem's values), Tandem's preview line, and its deep
 * link as a link to the local tab at the same screen (`?page=<subEntityId>`). Local only: Azure
 * has no such page; in Teams the feed is Teams' own.
 */

interface ActivityTypeText {
  type: string;
  description: string;
  templateText: string;
}

function manifestTypes(): { en: ActivityTypeText[]; es: ActivityTypeText[] } {
  const root = new URL('../../appPackage/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', root), 'utf8')) as {
    activities: { activityTypes: ActivityTypeText[] };
  };
  const spanish = JSON.parse(
    readFileSync(new URL('localization/es-es.json', root), 'utf8'),
  ) as Record<string, string>;
  const en = manifest.activities.activityTypes;
  const es = en.map((a, i) => ({
    type: a.type,
    description: spanish[`activities.activityTypes[${i}].description`] ?? a.description,
    templateText: spanish[`activities.activityTypes[${i}].templateText`] ?? a.templateText,
  }));
  return { en, es };
}

const html = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The tab route a notice opens: the `subEntityId` in its Teams deep link. */
export function noticeRoute(activity: Pick<DeliveredActivity, 'topic'>): string | undefined {
  try {
    const context = new URL(activity.topic.webUrl ?? '').searchParams.get('context');
    return (JSON.parse(context ?? '{}') as { subEntityId?: string }).subEntityId;
  } catch {
    return undefined;
  }
}

const WORDS = {
  es: { title: 'Bandeja local de Teams', none: 'Aún no hay avisos.', open: 'Abrir en Tandem' },
  en: { title: 'Local Teams inbox', none: 'No notices yet.', open: 'Open in Tandem' },
} as const;

/** The inbox page: each person with notices, newest first; `lang` words the page itself. */
export function renderInbox(options: {
  feed: readonly DeliveredActivity[];
  person(id: string): SimPerson | undefined;
  /** The app's name, `{actor}` in the templates. */
  actor: string;
  lang?: 'es' | 'en';
}): string {
  const types = manifestTypes();
  const page = WORDS[options.lang ?? 'es'];
  const byPerson = new Map<string, DeliveredActivity[]>();
  for (const activity of [...options.feed].reverse()) {
    byPerson.set(activity.recipientId, [...(byPerson.get(activity.recipientId) ?? []), activity]);
  }
  const sections = [...byPerson].map(([id, activities]) => {
    const person = options.person(id);
    const language = person?.preferredLanguage?.toLowerCase().startsWith('en') ? 'en' : 'es';
    const items = activities.map((a) => {
      const type = types[language].find((t) => t.type === a.activityType);
      const values: Record<string, string> = { actor: options.actor, ...a.templateParameters };
      const text = (type?.templateText ?? a.text).replace(/\{(\w+)\}/g, (m, name: string) =>
        name in values ? values[name]! : m,
      );
      const route = noticeRoute(a);
      const link = route
        ? `<a href="/?page=${encodeURIComponent(route)}&amp;lang=${language}" data-route="${html(route)}">${html(WORDS[language].open)}</a>`
        : '';
      return `<li data-type="${html(a.activityType)}"><span class="type">${html(type?.description ?? a.activityType)}</span> <time datetime="${html(a.deliveredAt)}">${html(a.deliveredAt.slice(0, 16).replace('T', ' '))}</time><p class="text">${html(text)}</p><p class="preview">${html(a.previewText)}</p>${link}</li>`;
    });
    const name = person?.displayName ?? id;
    return `<section data-person="${html(id)}" lang="${language}"><h2>${html(name)} <small>${html(person?.preferredLanguage ?? '')}</small></h2><ul>${items.join('')}</ul></section>`;
  });
  return `<!doctype html><html lang="${options.lang ?? 'es'}"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${page.title}</title><style>body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:48rem;padding:0 1rem;line-height:1.4}section{border-top:1px solid #ccc;padding:.5rem 0}ul{list-style:none;padding:0}li{margin:.75rem 0}.type{font-weight:600}time{color:#555;font-size:.85em}.text,.preview{margin:.2rem 0}.preview{color:#444}</style></head><body><main><h1>${page.title}</h1>${sections.length ? sections.join('') : `<p>${page.none}</p>`}</main></body></html>`;
}
