/** How long a dashboard answer can be taken back before it is sent (inbox cards and the intent page). */
export const UNDO_MS = 5000;
