// The lines of routes/calendar-notifications.ts (see ../endpoint-paths.ts).
export const calendarNotifications = 'POST /calendar/notifications';
