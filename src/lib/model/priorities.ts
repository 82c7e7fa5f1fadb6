/** A ticket's priority, lowest first: stored as these codes, shown translated (tickets:priorities.*). */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];
