import { auditRow, forWebhooks, type AuditEntry } from '../audit/AuditLog.js';
import type { GuildData } from '../database/guildData.js';
import { DiscordFailure } from '../errors/DiscordFailure.js';
import { Refusal } from '../errors/Refusal.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { notice, type Notice } from '../i18n/notice.js';
import { reportMissingRights } from './missingRights.js';
import type { TicketServices } from './services.js';

/** The database inside one transaction, scoped to the guild like GuildData's client. */
export type Tx = Parameters<Parameters<GuildData['db']['$transaction']>[0]>[0];

/**
 * One change to a ticket, written so that after any single failure the database and Discord agree: the
 * database change and its timeline entry land in one transaction, conditional on the state the change was
 * decided from; then the effect outside the database (one Discord call, or arming a timer) runs; if that
 * fails, the transaction is undone and the user told, truthfully, that nothing was changed. The log
 * channel hears of the entry only once everything held.
 */
export interface TicketChange {
	entry: AuditEntry;
	/** The database change; false when the ticket was changed meanwhile (the change then does nothing). */
	write(tx: Tx): Promise<boolean>;
	/** Why nothing happened when write() found the ticket changed (read then, when it needs the new state). */
	lost: Notice | (() => Promise<Notice>);
	/** The effect outside the database, after the write. */
	effect?: () => Promise<void>;
	/** Puts the database back as write() found it (the timeline entry is removed with it). */
	undo?: (tx: Tx) => Promise<void>;
}

/** A committed change, which a later step that fails can still take back. */
export interface Committed {
	revert(): Promise<void>;
}

/**
 * How long a change's webhooks wait for its Discord effect: one that failed is undone (the entry goes, and
 * nothing is sent); a process killed meanwhile leaves the change standing, and its webhooks go then.
 */
const EFFECT_GRACE_MS = 120_000;

export async function commitChange(services: TicketServices, data: GuildData, change: TicketChange): Promise<Committed> {
	const now = Date.now();
	const webhookDueAt = new Date(now + (change.effect ? EFFECT_GRACE_MS : 0));
	const entryId = await data.db
		.$transaction(async (tx: Tx) => {
			if (!(await change.write(tx))) return null;
			const row = {
				...auditRow(data.guildId, change.entry, webhookDueAt),
				effectPendingAt: change.effect ? new Date(now) : null
			};
			return (await tx.auditEvent.create({ data: row, select: { id: true } })).id;
		})
		// P2002: a unique row the change creates was created first by the same change made at the same moment.
		.catch((error: unknown) => {
			if ((error as { code?: string }).code === 'P2002') return null;
			throw error;
		});
	if (entryId === null) throw new Refusal(typeof change.lost === 'function' ? await change.lost() : change.lost);
	const revert = () =>
		data.db.$transaction(async (tx: Tx) => {
			await change.undo?.(tx);
			await tx.auditEvent.deleteMany({ where: { id: entryId } });
		});
	if (change.effect) {
		try {
			await change.effect();
		} catch (error) {
			await revert();
			await reportMissingRights(services, data, error);
			services.log.warn(`Undid ${change.entry.action}: its effect failed`, {
				guildId: data.guildId,
				ticketId: change.entry.ticketId,
				error
			});
			throw toldUnchanged(error);
		}
		await effectHeld(data, entryId, forWebhooks(change.entry));
	}
	services.audit.published(data, change.entry);
	return { revert };
}

/**
 * The change's effect held: it is no longer pending (a process killed before this line leaves it pending,
 * for the sweep to repair), and its webhooks, if it has any, are due now, unless an effect slower than its
 * grace already had them queued: they are not queued twice.
 */
export async function effectHeld(data: GuildData, entryId: number, webhooks: boolean): Promise<void> {
	const held = { effectPendingAt: null };
	const due = webhooks
		? await data.db.auditEvent.updateMany({
				where: { id: entryId, webhookDueAt: { not: null } },
				data: { ...held, webhookDueAt: new Date() }
			})
		: { count: 0 };
	if (due.count === 0) await data.db.auditEvent.updateMany({ where: { id: entryId }, data: held });
}

/** A Discord failure after an undo: what Discord said, and that nothing was changed. Anything else as it is. */
export function toldUnchanged(error: unknown): unknown {
	return error instanceof DiscordFailure
		? new Refusal(notice(LanguageKeys.Errors.NothingChanged, { problem: error.notice }))
		: error;
}
