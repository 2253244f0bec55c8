import type { ParticipantInput, ScheduleItemInput } from './participant';

// Named people for the schedule tests and the planner benchmark, shaped as Graph returns them.

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];

function hours(zone: string, start: string, end: string): ParticipantInput['workingHours'] {
  return {
    daysOfWeek: WEEKDAYS,
    startTime: `${start}:00.0000000`,
    endTime: `${end}:00.0000000`,
    timeZone: { name: zone },
  };
}

/** A mentee in Mexico City (UTC−6 all year since 2022), 09:00–18:00. */
export function lucia(scheduleItems: ScheduleItemInput[] = []): ParticipantInput {
  return {
    id: 'lucia@contoso-iberica.example',
    timeZone: 'Central Standard Time (Mexico)',
    territory: 'MX',
    workingHours: hours('Central Standard Time (Mexico)', '09:00', '18:00'),
    scheduleItems,
  };
}

/** A mentor in Madrid (CET/CEST) who works until `end` (default 17:00). */
export function ana(end = '17:00', scheduleItems: ScheduleItemInput[] = []): ParticipantInput {
  return {
    id: 'ana@contoso-iberica.example',
    timeZone: 'Romance Standard Time',
    territory: 'ES',
    workingHours: hours('Romance Standard Time', '09:00', end),
    scheduleItems,
  };
}

/** A mentee in Las Palmas: Outlook names the Canaries' zone "GMT Standard Time". */
export function carmen(scheduleItems: ScheduleItemInput[] = []): ParticipantInput {
  return {
    id: 'carmen@contoso-iberica.example',
    timeZone: 'GMT Standard Time',
    territory: 'ES',
    workingHours: hours('GMT Standard Time', '09:00', '14:00'),
    scheduleItems,
  };
}

/** A mentor in Madrid on the summer "jornada intensiva", 09:00–14:00. */
export function javier(scheduleItems: ScheduleItemInput[] = []): ParticipantInput {
  return {
    id: 'javier@contoso-iberica.example',
    timeZone: 'Romance Standard Time',
    territory: 'ES',
    workingHours: hours('Romance Standard Time', '09:00', '14:00'),
    scheduleItems,
  };
}

/** A scheduleItems entry in UTC, as getSchedule returns it without a Prefer header. */
export function busyUtc(start: string, end: string, status = 'busy'): ScheduleItemInput {
  const graph = (iso: string) => ({
    dateTime: iso
      .replace('Z', '')
      .replace(/\.\d+$/, '')
      .concat('.0000000'),
    timeZone: 'UTC',
  });
  return { status, start: graph(start), end: graph(end) };
}
