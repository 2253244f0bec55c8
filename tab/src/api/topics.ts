import type { z } from 'zod';
import type { TopicSchema, TopicsView } from '../../../functions/src/http/contracts';
import { getProgrammeTopics, saveProgrammeTopics } from '../../../functions/src/http/lines/topics';
import type { ApiClient } from './client';

export type { TopicsView };
export type TopicInput = z.input<typeof TopicSchema>;

const inProgramme = (id: string) => ({ params: { programmeId: id } });

/** A programme's topic vocabulary: read by the form and the screens, edited by HR. */
export const topicsApi = ({ call }: Pick<ApiClient, 'call'>) => ({
  get: (programmeId: string) => call(getProgrammeTopics, inProgramme(programmeId)),
  save: (view: Pick<TopicsView, 'programmeId' | 'etag'>, topics: TopicInput[]) =>
    call(saveProgrammeTopics, {
      ...inProgramme(view.programmeId),
      body: { topics },
      ifMatch: view.etag,
    }),
});
