/** Ticket states. `creating` holds a number while its channel is being made; it counts as open for limits. */
export const TicketStatus = {
	Creating: 'creating',
	Open: 'open',
	Closed: 'closed'
} as const;
export type TicketStatus = (typeof TicketStatus)[keyof typeof TicketStatus];

export const ACTIVE_STATUSES: readonly TicketStatus[] = [TicketStatus.Creating, TicketStatus.Open];
