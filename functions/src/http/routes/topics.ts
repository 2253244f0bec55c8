import {
  programmeTopics,
  saveProgrammeTopics,
  topicLists,
} from '../../app/topics/programme-topics';
import type { ProgrammeTopics } from '../../domain/topics/programme-topics';
import { unmappedWords } from '../../domain/topics/programme-topics';
import { checkVocabulary } from '../../domain/topics/vocabulary';
import type { Services } from '../../ports/services';
import type { Versioned } from '../../ports/versioned';
import { APP_ROLES, type Principal } from '../auth';
import { endpoint } from '../endpoints';
import { ifMatch } from '../preconditions';
import { settled } from '../refusals';
import { type AnyRoute, defineRoute, type RouteResult } from '../route';
import type { TopicsView } from '../views';
import { loadProgramme } from './programmes';
import { conditionalWrite } from './versioned';

/**
 * A programme's topic vocabulary (issue #20): everyone who may see the programme reads it (the
 * form offers its topics in the reader's language, screens name topics with it); HR edits it,
 * and reads the applicants' own words that name no topic yet, to map or add them.
 */
async function topicsResponse(
  services: Services,
  principal: Principal | null,
  stored: Versioned<ProgrammeTopics>,
): Promise<RouteResult> {
  const view: TopicsView = {
    programmeId: stored.value.programmeId,
    topics: stored.value.topics.map((t) => ({ ...t, synonyms: [...t.synonyms] })),
    updatedAt: stored.value.updatedAt,
    etag: stored.etag,
  };
  if (principal?.roles.includes(APP_ROLES.admin)) {
    const vocabulary = checkVocabulary(stored.value.topics);
    if (vocabulary.ok) {
      const applications = await services.applications.listByProgramme(stored.value.programmeId);
      view.unmapped = unmappedWords(vocabulary.value, topicLists(applications.map((a) => a.value)));
    }
  }
  return { body: view, headers: { etag: stored.etag } };
}

export const topicRoutes: AnyRoute[] = [
  defineRoute({
    ...endpoint('get-programme-topics'),
    access: 'employee',
    handler: async ({ principal, services, params }) => {
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      return topicsResponse(services, principal, await programmeTopics(services, programme));
    },
  }),
  defineRoute({
    ...endpoint('save-programme-topics'),
    access: 'admin',
    handler: async ({ principal, services, params, body, headers }) => {
      const etag = ifMatch(headers);
      const { value: programme } = await loadProgramme(services, params.programmeId, principal);
      const saved = await conditionalWrite(
        async () =>
          settled(
            await saveProgrammeTopics(services, {
              programme,
              topics: body.topics,
              etag,
              by: principal!.id,
            }),
          ),
        'The topic list',
      );
      return topicsResponse(services, principal, saved);
    },
  }),
];
