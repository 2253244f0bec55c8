export type { Clash } from './clash';
export { occurrenceBounds } from './occurrence-bounds';
export type {
  BusyInterval,
  BusyStatus,
  DayOfWeek,
  LocalTime,
  ParticipantInput,
  Role,
  WorkingHoursInput,
} from './participant';
export type {
  PlannedOccurrence,
  PlannedSeries,
  PlanSeriesInput,
  PlanSeriesResult,
  ProgrammePlanInput,
  ScheduleRefusal,
  WeeklySeries,
} from './plan-series';
export { planSeries, seriesWindowEnd } from './plan-series';
export type {
  Alternative,
  AlternativesRefusal,
  ProposeAlternativesInput,
  ProposeAlternativesResult,
} from './propose-alternatives';
export { proposeAlternatives } from './propose-alternatives';
export type {
  CustomTimeZone,
  ResolvedTimeZone,
  TimeZoneInput,
  TimeZoneProblem,
  UnsupportedTimeZone,
  ZoneTransition,
} from './time-zone';
export { resolveTimeZone } from './time-zone';
