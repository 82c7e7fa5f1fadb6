import { ChannelType } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EMessage } from '../emulator/state.js';
import { startScenario, type Scenario } from '../harness/scenario.js';
import { type TestDiscord, type GuildFixture } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const CONFIG = [
	'tickets: { maxOpenPerUser: 10, cooldownSeconds: 0, hourlyLimit: 100, channelNamePattern: "{username}-{number}" }',
	'categories:',
	'  - { key: quick, displayName: Quick question }',
	'  - { key: report, displayName: Anonymous report, anonymousAllowed: true }'
].join('\n');

/** Makes the database refuse to mark a ticket open, as a failing database would, after its channel exists. */
const FAIL_OPEN: Record<string, string[]> = {
	sqlite: [
		`CREATE TRIGGER inject_failure BEFORE UPDATE OF status ON "Ticket" WHEN NEW.status = 'open' BEGIN SELECT RAISE(ABORT, 'injected failure'); END`
	],
	postgresql: [
		`CREATE FUNCTION inject_failure() RETURNS trigger AS $$ BEGIN IF NEW.status = 'open' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
		`CREATE TRIGGER inject_failure BEFORE UPDATE ON "Ticket" FOR EACH ROW EXECUTE FUNCTION inject_failure()`
	]
};
const HEAL: Record<string, string[]> = {
	sqlite: ['DROP TRIGGER inject_failure'],
	postgresql: ['DROP TRIGGER inject_failure ON "Ticket"', 'DROP FUNCTION inject_failure']
};

for (const database of testDatabases()) {
	describe(`ticket channels: names, access, anonymity, overflow, failures, restarts (${database.provider})`, () => {
		let scenario: Scenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let db: DatabaseHandle;
		let panel: EMessage;

		const panelMessage = () => discord.botMessages(home.general).find((message) => message.id === panel.id)!;
		const ticketChannel = (content: string) => discord.state.channel(/<#(\d+)>/.exec(content)![1]!);

		beforeAll(async () => {
			scenario = await startScenario(database, { config: CONFIG, guildName: 'Details' });
			({ discord, home, db } = scenario);
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'quick',
				display_name: 'Quick question',
				staff_roles: `<@&${home.roles.staff.id}>`
			});
			panel = await discord.postPanel(home, 'menu', 'Pick one', { mode: 'select' });
		}, 60_000);

		afterAll(() => scenario?.stop());

		it('opens from a select-menu panel, names the channel from the pattern, and lets the category’s staff in', async () => {
			const category = (await db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'quick' } })).id;
			const opened = await home.alice.select(panelMessage(), [String(category)]);
			expect(opened.content).toMatch(/^Your ticket #1 is open/);
			const channel = ticketChannel(opened.content);
			expect(channel.name).toBe('alice-0001');
			expect(home.staff.can(channel, 'send')).toBe(true);
			expect(home.bob.can(channel, 'view')).toBe(false);
			const welcome = await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			expect(welcome.content).toBe(`<@${home.alice.id}> <@&${home.roles.staff.id}>`);
		});

		it('keeps the opener’s name out of an anonymous ticket’s channel, messages and timeline', async () => {
			const category = (await db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'report' } })).id;
			const opened = await home.bob.select(panelMessage(), [String(category)]);
			const channel = ticketChannel(opened.content);
			expect(channel.name).toBe('anonymous-0002');
			expect(home.bob.can(channel, 'send')).toBe(true);
			const welcome = await discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId,
				'the welcome message'
			);
			expect(JSON.stringify([welcome.content, welcome.embeds])).not.toMatch(new RegExp(`bob|${home.bob.id}`));
			const row = await db.prisma.ticket.findFirstOrThrow({ where: { channelId: channel.id } });
			expect(row.anonymous).toBe(true);
			const events = await db.prisma.auditEvent.findMany({ where: { ticketId: row.id } });
			expect(events.every((event) => event.actorId === null && !event.details.includes(home.bob.id))).toBe(true);
		});

		it('overflows into a sibling Discord category when the configured one holds 50 channels', async () => {
			const parent = discord.world.createChannel(home.guild, { name: 'Tickets', type: ChannelType.GuildCategory });
			for (let index = 0; index < 50; index++) discord.world.createChannel(home.guild, { name: `old-${index}`, parent });
			await home.admin.slash(home.general, ['admin', 'category_upsert'], {
				key: 'quick',
				display_name: 'Quick question',
				parent: parent.id
			});
			const opened = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			const channel = ticketChannel(opened.content);
			const sibling = discord.state.channel(channel.parentId!);
			expect(sibling.id).not.toBe(parent.id);
			expect(sibling).toMatchObject({ name: 'Tickets (2)', type: ChannelType.GuildCategory });
		});

		it('removes the channel again when the ticket cannot be recorded', async () => {
			for (const statement of FAIL_OPEN[database.provider]!) await db.prisma.$executeRawUnsafe(statement);
			const channelsBefore = discord.state.guildChannels(home.guild.id).length;
			try {
				const failed = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
				expect(failed.content).toMatch(/^Something went wrong on our side and nothing was changed/);
			} finally {
				for (const statement of HEAL[database.provider]!) await db.prisma.$executeRawUnsafe(statement);
			}
			expect(discord.state.guildChannels(home.guild.id)).toHaveLength(channelsBefore);
			expect(await db.prisma.ticket.count({ where: { status: { not: 'open' } } })).toBe(0);
		});

		it('opens no ticket when Discord refuses the welcome message: no empty channel, no row, and the member is not told it is open', async () => {
			const channelsBefore = discord.state.guildChannels(home.guild.id).length;
			const ticketsBefore = await db.prisma.ticket.count();
			discord.emulator.limits.injectServerError(
				{ method: 'POST', route: '/channels/:channelId/messages' },
				{ status: 500, count: 4 }
			);
			const opened = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			discord.emulator.limits.clearFaults();
			expect(opened.content).not.toMatch(/is open/);
			await discord.waitFor(() => discord.state.guildChannels(home.guild.id).length === channelsBefore, 'the channel to go');
			expect(await db.prisma.ticket.count()).toBe(ticketsBefore);
		});

		it('keeps panel components working after a restart, and follows panel changes', async () => {
			await scenario.restart();
			const quick = (await db.prisma.category.findFirstOrThrow({ where: { guildId: home.guild.id, key: 'quick' } })).id;
			expect((await home.bob.select(panelMessage(), [String(quick)])).content).toMatch(/^Your ticket #\d+ is open/);
			// The panel now offers only the report category: the old menu's quick option is refused.
			await home.admin.slash(home.general, ['admin', 'panel_create'], {
				panel_id: 'menu',
				channel: home.general.id,
				title: 'Pick one',
				categories: 'report'
			});
			expect((await home.bob.select(panelMessage(), [String(quick)])).content).toBe(
				'That ticket category no longer exists. Ask the staff to update the panel.'
			);
		});
	});
}
