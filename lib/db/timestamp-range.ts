/** Years PostgreSQL's timestamp accepts as written (no year 0; a JS Date reaches ±275,760 years). */
export const inTimestampRange = (d: Date) => !Number.isNaN(d.getTime()) && d.getUTCFullYear() >= 1 && d.getUTCFullYear() <= 9999;
