import { canWork, canView, seesNotes } from '../access/policy.js';
import { parsed } from '../database/json.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import type { Answer } from './answers.js';
import { useCase } from './outcome.js';
import { loadTicket, type TicketRow } from './ticket.js';

/** How much of the history to read: /ticket info shows the last few; the dashboard's ticket page all of it. */
export interface InfoDepth {
	timelineEntries: number;
	notes: number;
}

export const INFO_IN_CHAT: InfoDepth = { timelineEntries: 10, notes: 5 };
export const INFO_IN_FULL: InfoDepth = { timelineEntries: 500, notes: 200 };

export interface TimelineEntry {
	action: string;
	actorId: string | null;
	targetId: string | null;
	details: Record<string, unknown>;
	createdAt: Date;
}

/** What /ticket info shows: the ticket, its last timeline entries, and its notes for staff only. */
export interface TicketInfo {
	ticket: TicketRow;
	categoryName: string | null;
	departmentName: string | null;
	/** The form's answers, as the opener gave them. */
	answers: Answer[];
	participantIds: readonly string[];
	/** Whether the reader works this ticket (may claim, note, close…). */
	works: boolean;
	/** Oldest first. */
	timeline: TimelineEntry[];
	/** Null when the reader may not see notes (the opener, the owner, participants); newest first. */
	notes: { authorId: string; content: string; createdAt: Date }[] | null;
}

/** The ticket's details, for its staff, opener, owner and participants; only the reader sees them. */
export const ticketInfo = useCase<InfoDepth | void, TicketInfo>(
	'private',
	async (services, actor, { guildId, ticketId }, asked) => {
		const depth = asked ?? INFO_IN_CHAT;
		const scene = await loadTicket(services, guildId, ticketId);
		const { data, ticket } = scene;
		if (!canView(actor, scene.roles, scene.team, scene.parties)) refuse(LanguageKeys.Tickets.NotYourTicket);
		const staff = seesNotes(actor, scene.roles, scene.team);
		const [category, department, events, notes] = await Promise.all([
			ticket.categoryId ? data.db.category.findUnique({ where: { id: ticket.categoryId }, select: { displayName: true } }) : null,
			ticket.departmentId ? data.db.department.findUnique({ where: { id: ticket.departmentId }, select: { name: true } }) : null,
			data.db.auditEvent.findMany({
				where: { ticketId },
				orderBy: { id: 'desc' },
				take: depth.timelineEntries,
				select: { action: true, actorId: true, targetId: true, details: true, createdAt: true }
			}),
			staff
				? data.db.ticketNote.findMany({
						where: { ticketId },
						orderBy: { id: 'desc' },
						take: depth.notes,
						select: { authorId: true, content: true, createdAt: true }
					})
				: null
		]);
		return {
			ticket,
			categoryName: category?.displayName ?? null,
			departmentName: department?.name ?? null,
			answers: parsed<Answer[]>(ticket.answers, []),
			participantIds: scene.parties.participantIds,
			works: canWork(actor, scene.roles, scene.team),
			timeline: events.reverse().map((event) => ({ ...event, details: parsed<Record<string, unknown>>(event.details, {}) })),
			notes
		};
	}
);
