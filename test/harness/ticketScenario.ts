import type { EChannel, EMessage } from '../emulator/state.js';
import type { TestDatabase } from '../helpers/databases.js';
import { startScenario, type Scenario, type ScenarioOptions } from './scenario.js';
import type { Actor } from './TestDiscord.js';

/** Limits loose enough that a test can open as many tickets as it likes, and one category, `quick`. */
export const TICKET_CONFIG = [
	'tickets: { maxOpenPerUser: 50, hourlyLimit: 100, cooldownSeconds: 0 }',
	'categories:',
	'  - { key: quick, displayName: Quick question }'
].join('\n');

export interface OpenedTicket {
	channel: EChannel;
	welcome: EMessage;
}

/** A scenario whose `quick` category is worked by the guild's staff role, with ways to open and inspect tickets. */
export interface TicketScenario extends Scenario {
	openTicket(by: Actor): Promise<OpenedTicket>;
	ticketRow(channel: EChannel): ReturnType<Scenario['db']['prisma']['ticket']['findFirstOrThrow']>;
	/** The ticket's timeline, oldest first, as action names. */
	timeline(channel: EChannel): Promise<string[]>;
}

export async function startTicketScenario(database: TestDatabase, options: ScenarioOptions = {}): Promise<TicketScenario> {
	const scenario = await startScenario(database, { config: TICKET_CONFIG, ...options });
	const { discord, home } = scenario;
	await home.admin.slash(home.general, ['admin', 'category_upsert'], {
		key: 'quick',
		display_name: 'Quick question',
		staff_roles: `<@&${home.roles.staff.id}>`
	});
	const ticketRow = (channel: EChannel) => scenario.db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
	return Object.assign(scenario, {
		async openTicket(by: Actor): Promise<OpenedTicket> {
			const opened = await by.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			const id = /<#(\d+)>/.exec(opened.content)?.[1];
			if (!id) throw new Error(`${by.user.username} could not open a ticket: ${opened.content}`);
			const channel = discord.state.channel(id);
			const welcome = await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			return { channel, welcome };
		},
		ticketRow,
		async timeline(channel: EChannel) {
			const { id } = await ticketRow(channel);
			const events = await scenario.db.prisma.auditEvent.findMany({ where: { ticketId: id }, orderBy: { id: 'asc' } });
			return events.map((event) => event.action);
		}
	});
}
