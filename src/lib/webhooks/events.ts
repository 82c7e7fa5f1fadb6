import { WEBHOOK_EVENT_NAMES, type WebhookEvent } from '../model/webhookEvents.js';

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
