import { endOfWeek, format, parseISO, startOfMonth } from 'date-fns';

/** Date ranges for due lists and the dashboard, on YYYY-MM-DD strings (as stored). */
const iso = (date: Date) => format(date, 'yyyy-MM-dd');

/** Sunday of the week (Monday to Sunday) that contains `day`. */
export const endOfWeekOf = (day: string) => iso(endOfWeek(parseISO(day), { weekStartsOn: 1 }));

export const firstOfMonthOf = (day: string) => iso(startOfMonth(parseISO(day)));
