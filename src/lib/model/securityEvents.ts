/** The kinds of security event the bot records. */
export const SECURITY_EVENT_TYPES = ['raid_detected', 'spam_detected', 'lockdown_on', 'lockdown_off'] as const;
export type SecurityEventType = (typeof SECURITY_EVENT_TYPES)[number];
