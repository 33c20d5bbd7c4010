/** A stored YYYY-MM-DD as a Date at local midnight, so formatting never shifts it a day. */
export const localDate = (iso: string) => new Date(`${iso}T00:00:00`);
