import type { AuditAction } from './auditActions.js';

/** The ticket events a webhook can receive, and the timeline entries each comes from. */
export const WEBHOOK_EVENTS = {
	'ticket.opened': ['ticket.opened'],
	'ticket.claimed': ['ticket.claimed'],
	'ticket.closed': ['ticket.closed', 'ticket.force_closed'],
	'ticket.reopened': ['ticket.reopened'],
	'ticket.rated': ['ticket.rated'],
	'ticket.deleted': ['ticket.soft_deleted', 'ticket.purged']
} as const satisfies Record<string, readonly AuditAction[]>;

export type WebhookEvent = keyof typeof WEBHOOK_EVENTS;
export const WEBHOOK_EVENT_NAMES = Object.keys(WEBHOOK_EVENTS) as WebhookEvent[];

/** The event an audit entry is, for webhooks, or null when webhooks do not hear of it. */
export function eventOf(action: AuditAction): WebhookEvent | null {
	for (const name of WEBHOOK_EVENT_NAMES) if ((WEBHOOK_EVENTS[name] as readonly string[]).includes(action)) return name;
	return null;
}
