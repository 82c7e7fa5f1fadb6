import { canView, seesNotes } from '../access/policy.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { useCase } from './outcome.js';
import { loadTicket, type TicketRow } from './ticket.js';

const TIMELINE_ENTRIES = 10;
const NOTES_SHOWN = 5;

/** What /ticket info shows: the ticket, its last timeline entries, and its notes for staff only. */
export interface TicketInfo {
	ticket: TicketRow;
	categoryName: string | null;
	departmentName: string | null;
	/** Oldest first. */
	timeline: { action: string; actorId: string | null; createdAt: Date }[];
	/** Null when the reader may not see notes (the opener, the owner, participants); newest first. */
	notes: { authorId: string; content: string }[] | null;
}

/** The ticket's details, for its staff, opener, owner and participants; only the reader sees them. */
export const ticketInfo = useCase<void, TicketInfo>('private', async (services, actor, { guildId, ticketId }) => {
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
			take: TIMELINE_ENTRIES,
			select: { action: true, actorId: true, createdAt: true }
		}),
		staff
			? data.db.ticketNote.findMany({
					where: { ticketId },
					orderBy: { id: 'desc' },
					take: NOTES_SHOWN,
					select: { authorId: true, content: true }
				})
			: null
	]);
	return {
		ticket,
		categoryName: category?.displayName ?? null,
		departmentName: department?.name ?? null,
		timeline: events.reverse(),
		notes
	};
});
