/** A YYYY-MM-DD date as local midnight, so formatting never shifts it to the day before. */
export const localDate = (isoDate: string) => new Date(`${isoDate}T00:00:00`);
