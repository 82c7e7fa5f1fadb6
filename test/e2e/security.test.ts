import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel } from '../emulator/state.js';
import { startTicketScenario, TICKET_CONFIG, type TicketScenario } from '../harness/ticketScenario.js';
import type { GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";
const LOCKED = 'Ticket creation is paused on this server right now. Please try again later.';

interface Embed {
	title: string;
	description?: string;
	footer?: { text: string };
	fields?: { name: string; value: string }[];
}

for (const database of testDatabases()) {
	describe(`security: lockdown, raid and spam detection, events, incident webhook (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let incidents: EChannel;

		beforeAll(async () => {
			scenario = await startTicketScenario(database, {
				guildName: 'Guarded',
				config: [
					TICKET_CONFIG,
					'security:',
					'  antiRaid: { joins: 6, perSeconds: 600, raidModeMinutes: 10 }',
					'  antiSpam: { messages: 4, perSeconds: 600, timeoutMinutes: 5 }'
				].join('\n')
			});
			({ discord, home } = scenario);
			incidents = discord.world.createChannel(home.guild, { name: 'incidents' });
		}, 60_000);

		afterAll(() => scenario?.stop());

		const events = (type?: string) =>
			scenario.db.prisma.securityEvent.findMany({
				where: { guildId: home.guild.id, ...(type ? { type } : {}) },
				orderBy: { id: 'asc' }
			});
		const incidentPosts = () =>
			discord.state.channelMessages(incidents.id).flatMap((message) => (message.webhookId ? (message.embeds as Embed[]) : []));

		it('lets only admins use the security commands, by slash or prefix', async () => {
			for (const subcommand of ['status', 'events', 'lockdown', 'unlockdown'])
				expect((await home.staff.slash(home.general, ['security', subcommand])).content, subcommand).toBe(ADMIN_ONLY);
			expect((await home.alice.command(home.general, '!security lockdown')).content).toBe(ADMIN_ONLY);
			expect((await home.staff.slash(home.general, ['security', 'webhook'], { url: 'none' })).content).toBe(ADMIN_ONLY);
			expect(await events()).toEqual([]);
			expect((await scenario.db.prisma.guildSettings.findUnique({ where: { guildId: home.guild.id } }))?.lockdown ?? false).toBe(
				false
			);
		});

		it('takes only a Discord webhook URL for incidents, and posts every security event there', async () => {
			const webhook = {
				id: discord.state.newId(),
				token: randomBytes(51).toString('base64url'),
				guildId: home.guild.id,
				channelId: incidents.id,
				name: 'Incidents'
			};
			discord.state.webhooks.set(webhook.id, webhook);
			const bad = 'That is not a Discord webhook URL.';
			for (const url of [
				'https://evil.example/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
				'http://discord.com/api/webhooks/123456789012345678/abcdefghijklmnopqrstuvwxyz',
				'https://discord.com/api/channels/123456789012345678',
				'not a url'
			])
				expect((await home.admin.slash(home.general, ['security', 'webhook'], { url })).content, url).toMatch(
					new RegExp(`^${bad}`)
				);
			const saved = await home.admin.command(
				home.general,
				`!security webhook ${discord.emulator.restUrl}/webhooks/${webhook.id}/${webhook.token}`
			);
			expect(saved.content).toBe('Security events will be posted to that webhook too.');
			const audit = await scenario.db.prisma.auditEvent.findFirstOrThrow({ where: { action: 'security.incident_webhook' } });
			// The URL holds the webhook's token: it is never written to the audit log.
			expect(audit.details).not.toContain(webhook.token);
			expect(JSON.parse(audit.details)).toEqual({ set: true });
		});

		it('locks ticket creation down and back up, once each, recorded and reported', async () => {
			const locked = await home.admin.slash(home.general, ['security', 'lockdown'], { reason: 'Raid from <@&1> @everyone' });
			expect(locked.content).toMatch(/^Ticket creation is paused on this server/);
			expect(locked.ephemeral).toBe(false);
			expect((await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' })).content).toBe(LOCKED);
			expect((await home.admin.slash(home.general, ['security', 'lockdown'])).content).toMatch(
				new RegExp(`^Ticket creation is already paused \\(since <t:\\d+:f>, by <@${home.admin.id}>\\)`)
			);

			const status = (await home.admin.slash(home.general, ['security', 'status'])).message!.embeds[0] as Embed;
			const field = (name: string) => status.fields!.find((entry) => entry.name === name)?.value;
			expect(field('Lockdown')).toMatch(
				new RegExp(`^On since <t:\\d+:f>, by <@${home.admin.id}>\\. Reason: Raid from <@&1> @\u200beveryone$`)
			);
			expect(field('Raid mode')).toContain('6 joins within 600 s pause ticket creation for 10 min.');
			expect(field('Anti-spam')).toBe('More than 4 messages in 600 s from one member in a ticket. Timeout: 5 min.');
			expect(field('Last 24 hours')).toBe('Lockdown: 1');
			expect(field('Incident webhook')).toBe('set: every security event is posted there');

			expect((await home.admin.command(home.general, '!security unlockdown')).content).toBe('Ticket creation is open again.');
			expect((await home.admin.slash(home.general, ['security', 'unlockdown'])).content).toBe(
				'Ticket creation is not paused, so there is nothing to resume.'
			);
			await scenario.openTicket(home.alice);
			expect((await events()).map((event) => event.type)).toEqual(['lockdown_on', 'lockdown_off']);
			const actions = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, action: { startsWith: 'security.lock' } }
			});
			expect(actions.map((event) => event.action).sort()).toEqual(['security.lockdown']);
			const posted = await discord.waitFor(() => (incidentPosts().length >= 2 ? incidentPosts() : null), 'two incidents');
			expect(posted.map((embed) => [embed.title, embed.footer?.text])).toEqual([
				['Lockdown', 'lockdown_on'],
				['Lockdown lifted', 'lockdown_off']
			]);
			expect(JSON.stringify(posted[0])).toContain('reason: Raid from <@&1> @\u200beveryone');
		});

		it('spots a flood in a ticket: one notice, a timeout and an event; staff may write as much as they like', async () => {
			const { channel } = await scenario.openTicket(home.bob);
			for (let index = 0; index < 8; index++) home.bob.say(channel, `hello? ${index}`);
			const notice = await discord.message(channel, (message) => message.content.includes('timed out'), 'the spam notice');
			expect(notice.content).toBe(`<@${home.bob.id}> sent many messages at once and is timed out for 5 minutes.`);
			const until = Date.parse(home.guild.members.get(home.bob.id)!.communicationDisabledUntil!);
			expect(until - Date.now()).toBeGreaterThan(4 * 60_000);
			for (let index = 0; index < 8; index++) home.staff.say(channel, `on it ${index}`);
			await discord.waitFor(() => incidentPosts().some((embed) => embed.footer?.text === 'spam_detected'), 'the spam incident');
			const spam = await events('spam_detected');
			expect(spam).toHaveLength(1);
			expect(spam[0]).toMatchObject({ userId: home.bob.id, channelId: channel.id });
			expect(JSON.parse(spam[0]!.details)).toMatchObject({ messages: 5, timeoutMinutes: 5 });
			expect(discord.botMessages(channel).filter((message) => message.content.includes('timed out'))).toHaveLength(1);
		}, 60_000);

		it('follows the server’s own detector thresholds, set with /admin settings', async () => {
			const saved = await home.admin.slash(home.general, ['admin', 'settings'], { spam_messages: 2, spam_timeout_minutes: 0 });
			expect(saved.content).toContain('- Messages that count as a flood in a ticket: **2** (set here) · `spam_messages`');
			const status = (await home.admin.slash(home.general, ['security', 'status'])).message!.embeds[0] as Embed;
			expect(status.fields!.find((entry) => entry.name === 'Anti-spam')!.value).toBe(
				'More than 2 messages in 600 s from one member in a ticket. Timeout: off.'
			);
			const quick = discord.join(home.guild, 'quick-typist');
			const { channel } = await scenario.openTicket(quick);
			for (let index = 0; index < 3; index++) quick.say(channel, `one more thing ${index}`);
			const notice = await discord.message(channel, (message) => message.content.includes('please slow down'), 'the notice');
			expect(notice.content).toBe(
				`<@${quick.id}>, please slow down: that is a lot of messages at once. The staff will read everything you wrote.`
			);
			expect(home.guild.members.get(quick.id)!.communicationDisabledUntil).toBeNull();
			expect(JSON.parse((await events('spam_detected')).at(-1)!.details)).toMatchObject({ messages: 3, timeoutMinutes: 0 });
			await home.admin.slash(home.general, ['admin', 'settings'], { reset: true });
		});

		it('lists security events newest first, filtered, ten to a page with buttons', async () => {
			const rows = Array.from({ length: 12 }, (_, index) => ({
				guildId: home.guild.id,
				type: 'spam_detected',
				userId: home.alice.id,
				details: JSON.stringify({ ticket: index })
			}));
			await scenario.db.prisma.securityEvent.createMany({ data: rows });
			const first = await home.admin.slash(home.general, ['security', 'events'], { type: 'spam_detected' });
			const embed = first.message!.embeds[0] as Embed;
			expect(embed.title).toBe('Security events (14)');
			expect(embed.description!.split('\n')).toHaveLength(10);
			expect(embed.description!.split('\n')[0]).toMatch(
				new RegExp(`^<t:\\d+:f> · \\*\\*Spam in a ticket\\*\\* · <@${home.alice.id}> · ticket: 11$`)
			);
			expect(embed.footer!.text).toBe('Page 1 of 2');
			const next = await home.admin.click(first.message!, 'Next ▶');
			expect((next.message!.embeds[0] as Embed).footer!.text).toBe('Page 2 of 2');
			expect((await home.staff.click(first.message!, '◀ Previous')).content).toBe(ADMIN_ONLY);
			const bobs = await home.admin.commandByDm(home.general, `!security events --member=${home.bob.id}`);
			expect((bobs.embeds[0] as Embed).title).toBe('Security events (1)');
			expect(
				(await home.admin.slash(home.general, ['security', 'events'], { type: 'raid_detected' })).message!.embeds[0]
			).toMatchObject({
				title: 'Security events (0)',
				description: 'No security events match.'
			});
		});

		it('enters raid mode when members join too fast: ticket creation pauses for a while, once', async () => {
			// The guild's fixtures joined before the bot connected: these nine are the burst (six are enough).
			for (let index = 0; index < 9; index++) discord.join(home.guild, `raider-${index}`);
			await discord.eventually(async () => (await events('raid_detected')).length === 1, 'the raid event');
			const refused = await home.alice.slash(home.general, ['ticket', 'create'], { category: 'quick' });
			expect(refused.content).toMatch(
				/^Ticket creation is paused for a while: many accounts joined this server at once\. Please try again <t:\d+:R>\.$/
			);
			const [raid] = await events('raid_detected');
			expect(JSON.parse(raid!.details)).toMatchObject({ perSeconds: 600 });
			expect(JSON.parse(raid!.details).joins).toBeGreaterThanOrEqual(6);
			const settings = await scenario.db.prisma.guildSettings.findUniqueOrThrow({ where: { guildId: home.guild.id } });
			expect(settings.raidModeUntil!.getTime() - Date.now()).toBeGreaterThan(9 * 60_000);
			const status = (await home.admin.slash(home.general, ['security', 'status'])).message!.embeds[0] as Embed;
			expect(status.fields!.find((entry) => entry.name === 'Raid mode')!.value).toMatch(
				/^On: ticket creation is paused, it ends <t:\d+:R>\./
			);
			await discord.waitFor(() => incidentPosts().some((embed) => embed.footer?.text === 'raid_detected'), 'the raid incident');
			expect(await events('raid_detected')).toHaveLength(1);

			// An admin who has looked may end raid mode early.
			expect((await home.admin.slash(home.general, ['security', 'unlockdown'])).content).toBe('Ticket creation is open again.');
			await scenario.openTicket(home.alice);
			const lifted = (await events('lockdown_off')).at(-1)!;
			expect(JSON.parse(lifted.details)).toEqual({ raidModeEnded: true });
		});
	});
}
