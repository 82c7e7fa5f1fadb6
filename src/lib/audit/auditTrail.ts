import { actorIsAdmin, type AccessSources } from '../access/guildAccess.js';
import type { Actor } from '../access/actor.js';
import type { Prisma } from '../../generated/sqlite/client.js';
import { parsed } from '../database/json.js';
import { pageWindow } from '../database/paging.js';
import { refuse } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { AUDIT_ACTIONS, type AuditAction } from '../model/auditActions.js';

/** Entries a page of the audit trail shows. */
export const AUDIT_PAGE_SIZE = 50;

export interface AuditQuery {
	/** 0-based; past the end: the last. */
	page: number;
	action?: AuditAction;
	actorId?: string;
	ticketNumber?: number;
}

export interface AuditTrailEntry {
	id: number;
	createdAt: Date;
	action: string;
	actorId: string | null;
	targetId: string | null;
	/** The ticket's number in the guild, when the entry is about one still on record. */
	ticketNumber: number | null;
	details: Record<string, unknown>;
}

export interface AuditTrail {
	entries: AuditTrailEntry[];
	total: number;
	page: number;
	pages: number;
}

/** Whether a string typed in a filter is an action the log records. */
export function auditAction(text: string): AuditAction | undefined {
	return (AUDIT_ACTIONS as readonly string[]).includes(text) ? (text as AuditAction) : undefined;
}

/**
 * The guild's audit log, newest first, for its admins (every staff and admin action, with the surface
 * it came from): filtered by action, by who acted, or by ticket.
 */
export async function readAuditTrail(
	services: AccessSources,
	actor: Actor,
	guildId: string,
	query: AuditQuery
): Promise<AuditTrail> {
	if (!(await actorIsAdmin(services, guildId, actor))) refuse(LanguageKeys.Errors.AdminOnly);
	const data = services.db.forGuild(guildId);
	let ticketId: number | undefined;
	if (query.ticketNumber !== undefined) {
		const ticket = await data.db.ticket.findFirst({ where: { number: query.ticketNumber }, select: { id: true } });
		// A ticket that is not on record has no entries.
		ticketId = ticket?.id ?? -1;
	}
	const where: Prisma.AuditEventWhereInput = { action: query.action, actorId: query.actorId, ticketId };
	const total = await data.db.auditEvent.count({ where });
	const { page, pages, skip, take } = pageWindow(total, query.page, AUDIT_PAGE_SIZE);
	const rows = await data.db.auditEvent.findMany({ where, orderBy: { id: 'desc' }, skip, take });
	const ticketIds = [...new Set(rows.map((row) => row.ticketId).filter((id): id is number => id !== null))];
	const numbers = new Map(
		(await data.db.ticket.findMany({ where: { id: { in: ticketIds } }, select: { id: true, number: true } })).map((ticket) => [
			ticket.id,
			ticket.number
		])
	);
	return {
		total,
		page,
		pages,
		entries: rows.map((row) => ({
			id: row.id,
			createdAt: row.createdAt,
			action: row.action,
			actorId: row.actorId,
			targetId: row.targetId,
			ticketNumber: row.ticketId === null ? null : (numbers.get(row.ticketId) ?? null),
			details: parsed<Record<string, unknown>>(row.details, {})
		}))
	};
}
