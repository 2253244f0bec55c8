import {
  buildOrgChart,
  describeReportingLine,
  findReportingLine,
  type OrgPerson,
} from '../../domain/hierarchy/hierarchy';
import { ok, refused } from '../../domain/result';
import type { CalendarPort } from '../../ports/calendar';
import type { BookingRun, BookingStepDef } from './step';

export interface CheckPorts {
  /** A delta round of the directory (what it answers, booking does not read). */
  directorySync: { refresh(): Promise<unknown> };
  calendar: Pick<CalendarPort, 'onlineMeetingProviders'>;
  organizer: string;
}

/** The people above `id`, walked up one manager at a time (no full read of the directory). */
async function chainPeople(run: BookingRun, id: string): Promise<OrgPerson[]> {
  const out: OrgPerson[] = [];
  const seen = new Set<string>();
  for (let at: string | null = id; at && !seen.has(at); ) {
    seen.add(at);
    const person = await run.person(at);
    if (!person) break;
    out.push({ id: person.id, managerId: person.managerId, displayName: person.displayName });
    at = person.managerId;
  }
  return out;
}

/**
 * Rule 1 read live (the directory as it is now, a delta round first, not as it was at matching),
 * both people reachable by mail, and an organiser that can make Teams meetings. Reads only.
 */
export const check: BookingStepDef<CheckPorts> = {
  reaches: 'checked',
  async run(ports, run) {
    await ports.directorySync.refresh();
    const { pair, programme } = run.subject;
    const [mentor, mentee] = await Promise.all([
      run.person(pair.mentorId),
      run.person(pair.menteeId),
    ]);
    if (!mentor) return refused({ code: 'notInDirectory', personId: pair.mentorId });
    if (!mentee) return refused({ code: 'notInDirectory', personId: pair.menteeId });
    const org = buildOrgChart([
      ...(await chainPeople(run, mentor.id)),
      ...(await chainPeople(run, mentee.id)),
    ]);
    const line = findReportingLine(org, mentee.id, mentor.id, programme.hierarchyRule);
    if (line) {
      return refused({
        code: 'reportingLine',
        line: describeReportingLine(org, line).split(' → '),
      });
    }
    for (const person of [mentor, mentee]) {
      if (!person.mail) return refused({ code: 'noMailbox', personId: person.id });
    }
    const providers = await ports.calendar.onlineMeetingProviders(ports.organizer);
    if (!providers.includes('teamsForBusiness')) {
      return refused({ code: 'noTeamsMeetings', organizer: ports.organizer });
    }
    return ok({});
  },
};
