import { parsed, readList } from '../database/json.js';
import { Refusal } from '../errors/Refusal.js';
import { archived, routed, withAccess, withRole, type Overwrite } from './channels.js';
import { effectHeld } from './change.js';
import { repairAfterMs } from './creationRepair.js';
import { forWebhooks } from '../audit/AuditLog.js';
import type { AuditAction } from '../model/auditActions.js';
import type { TicketServices } from './services.js';
import { loadTicket, memberAccess, type TicketScene } from './ticket.js';

/** A change committed to the database whose Discord effect a stopped process never finished, now put right. */
export interface EffectRepair {
	guildId: string;
	ticketId: number;
	number: number;
	/** The changes, by timeline action, oldest first. */
	actions: string[];
}

interface Pending {
	id: number;
	action: string;
	targetId: string | null;
	details: string;
	createdAt: Date;
}

/**
 * Finishes the Discord side of changes a stopped process committed but did not carry out (it was killed
 * between the transaction and the Discord call): the ticket's channel is brought to what the database now
 * says for each pending change (who may write, who is a member, the roles that work it, the name), so a
 * later change that superseded it wins. Changes pending for less than `repairAfterMs` may still be running
 * in another process and are left alone.
 */
export async function repairEffects(
	services: TicketServices,
	guildIds: readonly string[],
	now = new Date()
): Promise<EffectRepair[]> {
	// A system-wide pass over this shard's guilds; each repair goes through the guild's scoped client.
	const pending = await services.db.prisma.auditEvent.findMany({
		where: {
			guildId: { in: [...guildIds] },
			ticketId: { not: null },
			effectPendingAt: { lt: new Date(now.getTime() - repairAfterMs(services.config)) }
		},
		select: { id: true, guildId: true, ticketId: true, action: true, targetId: true, details: true, createdAt: true },
		orderBy: { id: 'asc' }
	});
	const byTicket = new Map<number, { guildId: string; entries: Pending[] }>();
	for (const { guildId, ticketId, ...entry } of pending) {
		const ticket = byTicket.get(ticketId!) ?? { guildId, entries: [] };
		ticket.entries.push(entry);
		byTicket.set(ticketId!, ticket);
	}
	const repairs: EffectRepair[] = [];
	for (const [ticketId, { guildId, entries }] of byTicket) {
		try {
			const repair = await repairTicket(services, guildId, ticketId, entries);
			if (repair) repairs.push(repair);
		} catch (error) {
			// Left pending: the next sweep tries again.
			services.log.warn('Could not finish a change a restart interrupted', { guildId, ticketId, error });
		}
	}
	return repairs;
}

async function repairTicket(
	services: TicketServices,
	guildId: string,
	ticketId: number,
	entries: Pending[]
): Promise<EffectRepair | null> {
	const scene = await loadTicket(services, guildId, ticketId, { deleted: true }).catch((error: unknown) => {
		if (error instanceof Refusal) return null;
		throw error;
	});
	if (scene?.ticket.channelId && !scene.ticket.purgedAt) await align(services, scene, scene.ticket.channelId, entries);
	const data = services.db.forGuild(guildId);
	const unposted = await unpostedSnippets(services, scene, entries);
	for (const entry of entries) {
		if (unposted.has(entry.id)) {
			// Never posted: the send is taken back, as a refused post would have been.
			const name = parsed<{ name?: string }>(entry.details, {}).name;
			await data.db.$transaction([
				data.db.auditEvent.deleteMany({ where: { id: entry.id } }),
				data.db.snippet.updateMany({ where: { name: name ?? '', uses: { gt: 0 } }, data: { uses: { decrement: 1 } } })
			]);
			continue;
		}
		await effectHeld(data, entry.id, forWebhooks({ ticketId, action: entry.action as AuditAction, actorId: null }));
	}
	return scene ? { guildId, ticketId, number: scene.ticket.number, actions: entries.map((entry) => entry.action) } : null;
}

/** Slack for the clocks of the database and Discord when a post is matched to its entry. */
const CLOCK_SLACK_MS = 5_000;

/**
 * The snippet sends a stopped process recorded that never reached the ticket. The same snippet may be sent
 * twice at once, so posts and entries are counted, by digest: since the first pending send of a text, every
 * entry of that text beyond the bot's posts of it is one without a post (the latest are taken back).
 */
async function unpostedSnippets(services: TicketServices, scene: TicketScene | null, entries: Pending[]): Promise<Set<number>> {
	const pending = entries.filter((entry) => entry.action === 'ticket.snippet_sent');
	const unposted = new Set<number>();
	if (pending.length === 0) return unposted;
	const channelId = scene?.ticket.channelId;
	const byDigest = new Map<string, Pending[]>();
	for (const entry of pending) {
		const digest = parsed<{ digest?: string }>(entry.details, {}).digest;
		if (!digest || !channelId) unposted.add(entry.id);
		else byDigest.set(digest, [...(byDigest.get(digest) ?? []), entry]);
	}
	for (const [digest, group] of byDigest) {
		const since = new Date(Math.min(...group.map((entry) => entry.createdAt.getTime())) - CLOCK_SLACK_MS);
		const [recorded, posts] = await Promise.all([
			scene!.data.db.auditEvent.count({
				where: {
					ticketId: scene!.ticket.id,
					action: 'ticket.snippet_sent',
					createdAt: { gte: since },
					details: { contains: digest }
				}
			}),
			services.channels.countPosts(scene!.data.guildId, channelId!, digest, since)
		]);
		const missing = Math.min(group.length, recorded - posts);
		if (missing > 0) for (const entry of group.slice(group.length - missing)) unposted.add(entry.id);
	}
	return unposted;
}

async function align(services: TicketServices, scene: TicketScene, channelId: string, entries: Pending[]): Promise<void> {
	const { ticket } = scene;
	const guildId = scene.data.guildId;
	const access = await memberAccess(scene.data, ticket.id);
	if (!access) return;
	const touched = entries
		.filter((entry) => ['ticket.user_added', 'ticket.user_removed', 'ticket.transferred'].includes(entry.action))
		.map((entry) => entry.targetId)
		.filter((id): id is string => Boolean(id));
	// A department change: the roles of the department it left (other than those still working it) go.
	const leftDepartments = entries
		.filter((entry) => entry.action === 'ticket.department')
		.map((entry) => parsed<{ from?: number | null }>(entry.details, {}).from)
		.filter((id): id is number => typeof id === 'number');
	const leaving = leftDepartments.length
		? (await scene.data.db.department.findMany({ where: { id: { in: leftDepartments } } }))
				.flatMap((department) => readList(department.staffRoleIds))
				.filter((roleId) => !scene.team.includes(roleId) && !scene.roles.supportRoleIds.includes(roleId))
		: [];
	const change = (current: readonly Overwrite[]): Overwrite[] => {
		let next = [...current];
		for (const entry of entries) {
			if (entry.action === 'ticket.escalated' && entry.targetId) next = withRole(next, entry.targetId);
			if (entry.action === 'ticket.department') next = routed(next, leaving, scene.team);
		}
		if (entries.some((entry) => entry.action === 'ticket.soft_deleted' || entry.action === 'ticket.restored'))
			return archived(next, { guildId, memberIds: access.memberIds, archive: access.archived, membersWrite: access.write });
		return withAccess(next, access, touched);
	};
	await services.channels.changeOverwrites(guildId, channelId, change, 'finishing a change a restart interrupted');
	// The name lives in Discord only: the latest rename of the ticket is the one to show.
	const rename = entries.findLast((entry) => entry.action === 'ticket.renamed');
	if (rename) {
		const latest = await scene.data.db.auditEvent.findFirst({
			where: { ticketId: ticket.id, action: 'ticket.renamed' },
			orderBy: { id: 'desc' },
			select: { id: true }
		});
		const name = parsed<{ name?: string }>(rename.details, {}).name;
		if (latest?.id === rename.id && name)
			await services.channels.rename(guildId, channelId, name, 'finishing a rename a restart interrupted');
	}
}
