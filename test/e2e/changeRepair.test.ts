import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseHandle } from '../../src/lib/database/client.js';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const REPAIR_AFTER_S = 5;
const CONFIG = `${TICKET_CONFIG}\nreliability: { repairAfterSeconds: ${REPAIR_AFTER_S} }`;
const OVERWRITE = { method: 'PUT', route: '/channels/:channelId/permissions/:overwriteId' };

/**
 * The bot killed (SIGKILL) after a ticket change was committed and before Discord applied it, and
 * started again: the change is finished in Discord, as the database has it, once it is older than a
 * running change can be (config `reliability.repairAfterSeconds`).
 */
describe.each(testDatabases())('a ticket change the bot was killed in ($provider)', (database) => {
	let scenario: TicketScenario;
	let discord: TestDiscord;
	let home: GuildFixture;
	let db: DatabaseHandle;
	let transcripts: EChannel;

	beforeAll(async () => {
		scenario = await startTicketScenario(database, { config: CONFIG, guildName: 'Interrupted' });
		({ discord, home, db } = scenario);
		transcripts = discord.world.createChannel(home.guild, { name: 'transcripts' });
		await home.admin.slash(home.general, ['admin', 'set_channels'], {
			transcript_channel: transcripts.id,
			log_channel: transcripts.id
		});
	}, 60_000);

	afterAll(() => scenario?.stop());

	const logged = (line: string) => discord.waitFor(() => scenario.bot.output().includes(line), `the log line "${line}"`);
	const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

	/** Runs the change with Discord slow and then failing on it, and kills the bot while it waits. */
	async function killedDuring(change: () => Promise<unknown>, committed: () => Promise<boolean>) {
		discord.emulator.limits.injectLatency(OVERWRITE, 6_000, 1);
		discord.emulator.limits.injectServerError(OVERWRITE, { count: 1 });
		void change().catch(() => undefined);
		await discord.eventually(committed, 'the change committed');
		// Inside the slowed call (the emulator records a call once it answers): Discord never applies it.
		await sleep(1_000);
		await scenario.crash(async () => {
			discord.emulator.limits.clearFaults();
			await sleep(REPAIR_AFTER_S * 1000 + 500);
		});
	}

	it('closes in Discord a ticket the database had closed, and posts its transcript', async () => {
		const { channel } = await scenario.openTicket(home.alice);
		const { number } = await scenario.ticketRow(channel);
		await killedDuring(
			() => home.staff.slash(channel, ['ticket', 'close'], { reason: 'done' }),
			async () => (await scenario.ticketRow(channel)).status === 'closed'
		);
		// The kill came before Discord took the member's writing away.
		await logged(`Finished in Discord what ticket #${number} recorded before the bot stopped (ticket.closed)`);
		await discord.waitFor(() => !home.alice.can(channel, 'send'), 'the opener no longer writing');
		expect(home.alice.can(channel, 'view')).toBe(true);
		const posted = await discord.message(
			transcripts,
			(message) => message.attachments.some((file) => file.filename === `ticket-${String(number).padStart(4, '0')}.html`),
			'the transcript posted at start-up'
		);
		expect(posted).toBeTruthy();
		// Recorded once posted.
		const row = await discord.eventually(async () => {
			const current = await scenario.ticketRow(channel);
			return current.transcriptPostedAt && current;
		}, 'the transcript recorded as posted');
		expect(await db.prisma.auditEvent.count({ where: { ticketId: row.id, effectPendingAt: { not: null } } })).toBe(0);
		// Another start finds nothing left to do, and posts the transcript no second time.
		await scenario.restart();
		await sleep(500);
		expect(
			discord.botMessages(transcripts).filter((message) => message.attachments.some((file) => file.filename.endsWith('.html')))
		).toHaveLength(1);
	}, 60_000);

	it('adds in Discord a member the database had added, writing as the ticket allows', async () => {
		const { channel } = await scenario.openTicket(home.alice);
		const row = await scenario.ticketRow(channel);
		await home.staff.slash(channel, ['ticket', 'lock']);
		await killedDuring(
			() => home.staff.slash(channel, ['ticket', 'adduser'], { member: home.bob.id }),
			async () => (await db.prisma.ticketParticipant.count({ where: { ticketId: row.id, userId: home.bob.id } })) === 1
		);
		await logged(`Finished in Discord what ticket #${row.number} recorded before the bot stopped (ticket.user_added)`);
		await discord.waitFor(() => home.bob.can(channel, 'view'), 'the added member seeing the ticket');
		// Locked: the member reads and does not write, like the opener.
		expect(home.bob.can(channel, 'send')).toBe(false);
		expect(home.alice.can(channel, 'send')).toBe(false);
	}, 60_000);

	it('answers at once, queued, a rename Discord holds back for minutes, when a restart forgot the count', async () => {
		const { channel } = await scenario.openTicket(home.alice);
		for (const name of ['first', 'second'])
			expect((await home.staff.slash(channel, ['ticket', 'rename'], { new_name: name })).content).toContain(name);
		// Without Redis the two renames were counted in memory: the new process does not know them.
		await scenario.restart();
		const third = await home.staff.slash(channel, ['ticket', 'rename'], { new_name: 'third' });
		expect(third.content).toMatch(
			/^Discord allows two renames of a channel every ten minutes, so this ticket will be renamed to \*\*third\*\*/
		);
		expect(channel.name).toBe('second');
		const timeline = await scenario.timeline(channel);
		expect(timeline.filter((action) => action === 'ticket.renamed')).toHaveLength(2);
		expect(timeline.at(-1)).toBe('ticket.rename_queued');
		// Queued for when Discord said: a little under ten minutes from the first rename.
		const at = (await scenario.ticketRow(channel)).pendingNameAt!.getTime() - Date.now();
		expect(at).toBeGreaterThan(8 * 60_000);
		expect(at).toBeLessThanOrEqual(10 * 60_000);
	}, 60_000);
});
