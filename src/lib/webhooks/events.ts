import type { AuditAction } from '../model/auditActions.js';

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

/** "ticket.opened, ticket.closed" or "all" as a list of events; unknown names are returned apart. */
export function parseEvents(text: string): { events: WebhookEvent[]; unknown: string[] } {
	const words = text
		.split(/[\s,]+/)
		.map((word) => word.trim().toLowerCase())
		.filter(Boolean);
	if (words.length === 0 || words.includes('all')) return { events: [], unknown: [] };
	const known = new Set<string>(WEBHOOK_EVENT_NAMES);
	const named = words.map((word) => (word.startsWith('ticket.') ? word : `ticket.${word}`));
	return {
		events: [...new Set(named.filter((word) => known.has(word)))] as WebhookEvent[],
		unknown: named.filter((word) => !known.has(word))
	};
}
