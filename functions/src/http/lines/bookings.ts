// The lines of routes/bookings.ts (see ../endpoint-paths.ts).
export const listBookings = 'GET /programmes/:programmeId/bookings';
