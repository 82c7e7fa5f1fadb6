import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EChannel, EMessage } from '../emulator/state.js';
import { dashboardEnv, freePort } from '../harness/dashboard.js';
import { startTicketScenario, type TicketScenario } from '../harness/ticketScenario.js';
import type { Actor, GuildFixture, TestDiscord } from '../harness/TestDiscord.js';
import { testDatabases } from '../helpers/databases.js';

const ADMIN_ONLY = "Only server admins can do that: you need the Manage Server permission or one of the bot's admin roles.";
const TOKEN = /tkb_[\w-]{43}/;

interface Shown {
	title?: string;
	description?: string;
}

/**
 * The REST API through the real bot, as a program would use it: admins make per-guild tokens with
 * /admin api_token_… (shown once, only to them), and a token reads and works the tickets through the
 * same use cases and policy as the commands, so Discord shows its changes at once. A token of another
 * server finds nothing, a read token changes nothing, a revoked one opens nothing.
 */
for (const database of testDatabases()) {
	describe(`REST API (${database.provider})`, () => {
		let scenario: TicketScenario;
		let discord: TestDiscord;
		let home: GuildFixture;
		let other: GuildFixture;
		let base: string;
		let writeToken: string;
		let readToken: string;
		let otherToken: string;

		const api = (
			path: string,
			options: { token?: string; cookie?: string; method?: string; body?: unknown; language?: string } = {}
		) =>
			fetch(`${base}/api/v1${path}`, {
				method: options.method ?? 'GET',
				headers: {
					...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
					...(options.cookie ? { cookie: options.cookie } : {}),
					...(options.body !== undefined ? { 'content-type': 'application/json' } : {}),
					'accept-language': options.language ?? 'en-US'
				},
				body: options.body !== undefined ? JSON.stringify(options.body) : undefined
			});
		const json = async (response: Response) => ({
			status: response.status,
			body: (await response.json()) as unknown
		});
		const guildPath = (fixture: GuildFixture = home) => `/guilds/${fixture.guild.id}`;

		const tokenFrom = (text: string) => {
			const token = TOKEN.exec(text)?.[0];
			if (!token) throw new Error(`no token in ${JSON.stringify(text)}`);
			return token;
		};
		const botSaid = (channel: EChannel, start: string) =>
			discord.message(
				channel,
				(message) => message.authorId === discord.emulator.botId && message.content.startsWith(start),
				start
			);

		beforeAll(async () => {
			const port = await freePort();
			scenario = await startTicketScenario(database, {
				guildName: 'Api Home',
				botEnv: (_home, testDiscord) => dashboardEnv(testDiscord, port)
			});
			({ discord, home } = scenario);
			other = discord.createGuild('Api Elsewhere');
			base = `http://127.0.0.1:${port}`;
			// The dashboard (and the API with it) listens once the bot has logged in.
			await discord.eventually(
				() =>
					fetch(`${base}/api/docs/openapi.json`).then(
						(response) => response.ok,
						() => false
					),
				'the API to answer'
			);
			const made = await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'ci', scope: 'write' });
			writeToken = tokenFrom(made.content);
			otherToken = tokenFrom(
				(await other.admin.slash(other.general, ['admin', 'api_token_create'], { name: 'elsewhere', scope: 'write' })).content
			);
		}, 90_000);

		afterAll(() => scenario?.stop());

		it('gives a token only to the admin who asks, once: ephemeral by slash, by DM by prefix; it keeps only the hash', async () => {
			const made = await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'dashboard-sync', scope: 'read' });
			expect(made.ephemeral).toBe(true);
			expect(made.content).toMatch(/^API token `dashboard-sync` created with the `read` scope\. Copy it now/);
			expect(made.content).toContain(`${base}/api/v1`);
			const token = tokenFrom(made.content);

			const dm = await home.admin.commandByDm(home.general, '!admin api_token_create reader read');
			readToken = tokenFrom(dm.content);
			// The channel read only that it went by DM, and the typed command is gone.
			expect(discord.state.channelMessages(home.general.id).some((message) => TOKEN.test(message.content))).toBe(false);

			const rows = await scenario.db.prisma.apiToken.findMany({ where: { guildId: home.guild.id }, orderBy: { id: 'asc' } });
			expect(rows.map((row) => [row.name, row.scope, row.createdById])).toEqual([
				['ci', 'write', home.admin.id],
				['dashboard-sync', 'read', home.admin.id],
				['reader', 'read', home.admin.id]
			]);
			const sha = (text: string) => createHash('sha256').update(text).digest('hex');
			expect(rows.map((row) => row.tokenHash)).toEqual([sha(writeToken), sha(token), sha(readToken)]);
			expect(JSON.stringify(rows)).not.toContain(token.slice(4));
			const audit = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, action: 'api_token.created' }
			});
			expect(audit.map((entry) => [entry.actorId, JSON.parse(entry.details)])).toContainEqual([
				home.admin.id,
				{ name: 'reader', scope: 'read' }
			]);

			const taken = await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'ci', scope: 'read' });
			expect(taken.content).toBe('There is already an API token named `ci`: revoke it first, or pick another name.');
			const badName = await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'no spaces!', scope: 'read' });
			expect(badName.content).toMatch(/^A token name is 1 to 32 letters/);

			const listed = await home.admin.slash(home.general, ['admin', 'api_token_list']);
			expect(listed.ephemeral).toBe(true);
			const embed = listed.message!.embeds[0] as Shown;
			expect(embed.title).toBe('API tokens (3)');
			expect(embed.description).toMatch(/^`ci` · `write` · made by <@\d+> <t:\d+:R> · (never used|last used <t:\d+:R>)$/m);
			expect(embed.description).not.toMatch(TOKEN);
		}, 60_000);

		it('refuses the token commands to members who are not admins, by slash and prefix', async () => {
			const before = await scenario.db.prisma.apiToken.count();
			for (const actor of [home.staff, home.alice]) {
				const refused = await actor.slash(home.general, ['admin', 'api_token_create'], { name: 'mine', scope: 'write' });
				expect(refused.ephemeral).toBe(true);
				expect(refused.content).toBe(ADMIN_ONLY);
				expect((await actor.slash(home.general, ['admin', 'api_token_list'])).content).toBe(ADMIN_ONLY);
			}
			const typed = await home.staff.command(home.general, '!admin api_token_revoke ci');
			expect(typed.content).toBe(ADMIN_ONLY);
			expect(await scenario.db.prisma.apiToken.count()).toBe(before);
			expect((await json(await api(`${guildPath()}/tickets`, { token: writeToken }))).status).toBe(200);
		}, 60_000);

		it('lists the tickets ten a page, newest first, with the list command’s filters', async () => {
			const opened: EChannel[] = [];
			for (let i = 0; i < 11; i++) opened.push((await scenario.openTicket(home.alice)).channel);
			const bobs = (await scenario.openTicket(home.bob)).channel;
			const newest = (await scenario.ticketRow(bobs)).number;

			const first = await json(await api(`${guildPath()}/tickets`, { token: readToken }));
			expect(first.status).toBe(200);
			const total = (first.body as { total: number }).total;
			expect(total).toBeGreaterThanOrEqual(12);
			expect(first.body).toMatchObject({ page: 1, pages: Math.ceil(total / 10), perPage: 10 });
			const items = (first.body as { items: { number: number; ownerId: string; status: string; category: string }[] }).items;
			expect(items).toHaveLength(10);
			expect(items[0]).toMatchObject({ number: newest, ownerId: home.bob.id, status: 'open', category: 'Quick question' });
			expect(items.map((item) => item.number)).toEqual([...items.map((item) => item.number)].sort((a, b) => b - a));

			const last = await json(await api(`${guildPath()}/tickets?page=99`, { token: readToken }));
			expect(last.body).toMatchObject({ page: Math.ceil(total / 10) });
			const bob = await json(await api(`${guildPath()}/tickets?member=${home.bob.id}`, { token: readToken }));
			expect((bob.body as { items: unknown[] }).items).toEqual([expect.objectContaining({ number: newest })]);
			const closed = await json(await api(`${guildPath()}/tickets?status=closed&category=quick`, { token: readToken }));
			expect(closed.body).toMatchObject({ total: 0, items: [] });
			home.bob.say(bobs, 'the quokka ate my invoice');
			const found = await discord.eventually(async () => {
				const answer = await json(
					await api(`${guildPath()}/tickets?q=${encodeURIComponent('QUOKKA invoice')}`, { token: readToken })
				);
				return (answer.body as { total: number }).total > 0 && answer.body;
			}, 'the search finding the archived message');
			expect(found).toMatchObject({ total: 1, searchCapped: false, items: [expect.objectContaining({ number: newest })] });
			const none = await json(await api(`${guildPath()}/tickets?q=quokka%20wombat`, { token: readToken }));
			expect(none.body).toMatchObject({ total: 0, items: [] });

			const unknown = await json(await api(`${guildPath()}/tickets?category=nope`, { token: readToken }));
			expect(unknown.status).toBe(400);
			expect(unknown.body).toEqual({
				error: { code: 'invalid_request', message: expect.stringMatching(/^There is no category nope\. Categories: quick/) }
			});
			const bad = await json(await api(`${guildPath()}/tickets?status=maybe`, { token: readToken }));
			expect(bad.status).toBe(400);
			expect(bad.body).toMatchObject({ error: { code: 'invalid_request' } });
		}, 120_000);

		it('reads one ticket in full, with the notes its staff add', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			const noted = await json(
				await api(`${guildPath()}/tickets/${number}/notes`, {
					token: writeToken,
					method: 'POST',
					body: { text: 'refund <b>approved</b>' }
				})
			);
			expect(noted).toEqual({ status: 201, body: { ticket: number, message: expect.stringMatching(/^Note saved/) } });
			expect(discord.state.channelMessages(channel.id).some((message) => message.content.includes('refund'))).toBe(false);

			const shown = await json(await api(`${guildPath()}/tickets/${number}`, { token: readToken }));
			expect(shown.status).toBe(200);
			expect(shown.body).toMatchObject({
				number,
				status: 'open',
				openerId: home.alice.id,
				channelId: channel.id,
				category: 'Quick question',
				works: true,
				notes: [{ authorId: home.admin.id, content: 'refund <b>approved</b>' }]
			});
			const timeline = (shown.body as { timeline: { action: string; actorId: string; details: object }[] }).timeline;
			expect(timeline.map((entry) => entry.action)).toEqual(['ticket.opened', 'ticket.note']);
			expect(timeline[1]).toMatchObject({ actorId: home.admin.id, details: { via: 'api' } });

			for (const path of ['99999', '0012', 'abc']) {
				const missing = await api(`${guildPath()}/tickets/${path}`, { token: readToken });
				expect(missing.status, path).toBe(path === '99999' ? 404 : 400);
			}
		}, 60_000);

		it('reads a ticket’s messages and transcript in the copy the policy gives: staff all, the opener theirs, others 404', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { id, number } = await scenario.ticketRow(channel);
			home.alice.say(channel, 'my order <script>alert(1)</script> is late');
			const regret = home.alice.say(channel, 'my card is 4111');
			// Each message is archived on its own: both must be in before the reads.
			await discord.eventually(
				async () =>
					(await scenario.db.prisma.ticketMessage.count({
						where: { ticketId: id, OR: [{ content: { contains: '4111' } }, { content: { contains: 'alert(1)' } }] }
					})) === 2,
				'the messages archived'
			);
			home.alice.deleteMessage(regret);
			await discord.eventually(
				async () =>
					(await scenario.db.prisma.ticketMessage.findFirst({ where: { content: { contains: '4111' } } }))?.deletedAt != null,
				'the deletion archived'
			);
			await api(`${guildPath()}/tickets/${number}/notes`, {
				token: writeToken,
				method: 'POST',
				body: { text: 'staff only remark' }
			});

			type Messages = {
				items: { content: string; authorId: string | null; deletedAt: string | null }[];
				total: number;
				page: number;
				perPage: number;
			};
			const staff = await json(await api(`${guildPath()}/tickets/${number}/messages`, { token: readToken }));
			expect(staff.status).toBe(200);
			const staffBody = staff.body as Messages;
			const texts = staffBody.items.map((item) => item.content);
			expect(texts).toContain('my order <script>alert(1)</script> is late');
			expect(staffBody.items.find((item) => item.content === 'my card is 4111')?.deletedAt).not.toBeNull();
			expect(staffBody).toMatchObject({ page: 1, perPage: 100, total: staffBody.items.length });

			const cookie = await logIn(home.alice);
			const own = (await json(await api(`${guildPath()}/tickets/${number}/messages`, { cookie }))).body as Messages;
			expect(own.items.map((item) => item.content)).toContain('my order <script>alert(1)</script> is late');
			expect(own.items.map((item) => item.content)).not.toContain('my card is 4111');
			expect(own.total).toBe(staffBody.total - 1);

			const transcript = await api(`${guildPath()}/tickets/${number}/transcript`, { token: readToken });
			expect(transcript.status).toBe(200);
			expect(transcript.headers.get('content-type')).toBe('text/html; charset=utf-8');
			expect(transcript.headers.get('content-security-policy')).toMatch(/^sandbox /);
			const staffHtml = await transcript.text();
			expect(staffHtml).toContain('staff only remark');
			expect(staffHtml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
			expect(staffHtml).not.toContain('<script>alert(1)');
			const openerHtml = await (await api(`${guildPath()}/tickets/${number}/transcript`, { cookie })).text();
			expect(openerHtml).toContain('my order');
			expect(openerHtml).not.toContain('staff only remark');
			expect(openerHtml).not.toContain('4111');

			const bob = await logIn(home.bob);
			for (const path of ['messages', 'transcript'])
				expect((await api(`${guildPath()}/tickets/${number}/${path}`, { cookie: bob })).status, path).toBe(404);
		}, 60_000);

		it('refuses a read token any change, naming the scope it needs', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			for (const [action, body] of [
				['claim', undefined],
				['close', { reason: 'no' }],
				['notes', { text: 'no' }]
			] as const) {
				const refused = await json(
					await api(`${guildPath()}/tickets/${number}/${action}`, { token: readToken, method: 'POST', body })
				);
				expect(refused, action).toEqual({
					status: 403,
					body: {
						error: {
							code: 'insufficient_scope',
							message: 'This API token has the read scope; this request needs the write scope.'
						}
					}
				});
			}
			expect(await scenario.timeline(channel)).toEqual(['ticket.opened']);
			expect(home.alice.can(channel, 'send')).toBe(true);
		}, 60_000);

		it('claims and closes with a write token, and Discord shows it: the opener can no longer write', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			const claimed = await json(await api(`${guildPath()}/tickets/${number}/claim`, { token: writeToken, method: 'POST' }));
			expect(claimed).toEqual({
				status: 200,
				body: { ticket: number, message: '@admin has claimed this ticket and will handle it.' }
			});
			await botSaid(channel, `<@${home.admin.id}> has claimed this ticket`);
			const again = await json(await api(`${guildPath()}/tickets/${number}/claim`, { token: writeToken, method: 'POST' }));
			expect(again.status).toBe(409);
			expect(again.body).toEqual({
				error: { code: 'refused', message: '@admin already handles this ticket. Ask them, or an admin, to unclaim it first.' }
			});

			const closed = await json(
				await api(`${guildPath()}/tickets/${number}/close`, {
					token: writeToken,
					method: 'POST',
					body: { reason: 'solved over the API' }
				})
			);
			expect(closed.status).toBe(200);
			expect(closed.body).toMatchObject({
				message: expect.stringMatching(/^Ticket closed by @admin\. Reason: solved over the API/)
			});
			const posted: EMessage = await botSaid(channel, `Ticket closed by <@${home.admin.id}>`);
			expect(posted.components).toHaveLength(1);
			expect(home.alice.can(channel, 'send')).toBe(false);
			expect(home.alice.can(channel, 'view')).toBe(true);
			const row = await scenario.ticketRow(channel);
			expect(row).toMatchObject({ status: 'closed', closedById: home.admin.id, closeReason: 'solved over the API' });
			const entry = await scenario.db.prisma.auditEvent.findFirstOrThrow({
				where: { ticketId: row.id, action: 'ticket.closed' }
			});
			expect(entry.actorId).toBe(home.admin.id);
			expect(JSON.parse(entry.details)).toEqual({ reason: 'solved over the API', via: 'api' });

			const twice = await json(
				await api(`${guildPath()}/tickets/${number}/close`, { token: writeToken, method: 'POST', language: 'fr' })
			);
			expect(twice.status).toBe(409);
			expect(twice.body).toMatchObject({
				error: {
					code: 'refused',
					message: expect.stringMatching(/^Ce ticket est .+, cela ne peut donc pas être fait maintenant\.$/)
				}
			});
		}, 60_000);

		it('answers 404 on every route to a token of another server, and to a server the bot is not in', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const { number } = await scenario.ticketRow(channel);
			const routes = (fixture: GuildFixture | string) => {
				const path = typeof fixture === 'string' ? `/guilds/${fixture}` : guildPath(fixture);
				return [
					['GET', `${path}/tickets`],
					['GET', `${path}/tickets/${number}`],
					['POST', `${path}/tickets/${number}/claim`],
					['POST', `${path}/tickets/${number}/close`],
					['POST', `${path}/tickets/${number}/notes`],
					['GET', `${path}/tickets/${number}/messages`],
					['GET', `${path}/tickets/${number}/transcript`],
					['GET', `${path}/tickets/${number}/attachments/photo.png`],
					['GET', `${path}/categories`],
					['GET', `${path}/panels`]
				] as const;
			};
			const body = (path: string) =>
				path.endsWith('/notes') ? { text: 'x' } : path.endsWith('/close') ? { reason: 'x' } : undefined;
			for (const [token, target] of [
				[otherToken, home],
				[writeToken, other],
				[readToken, other],
				[writeToken, '123456789012345678']
			] as const) {
				for (const [method, path] of routes(target)) {
					const answer = await json(await api(path, { token, method, body: body(path) }));
					expect(answer, `${method} ${path}`).toEqual({
						status: 404,
						body: {
							error: { code: 'not_found', message: 'Nothing here: check the server ID, the ticket number and the address.' }
						}
					});
				}
			}
			expect(await scenario.timeline(channel)).toEqual(['ticket.opened']);
		}, 60_000);

		it('shows admins the categories and panels', async () => {
			await discord.postPanel(home, 'support', 'Need help?');
			const categories = await json(await api(`${guildPath()}/categories`, { token: readToken }));
			expect(categories.status).toBe(200);
			expect(categories.body).toMatchObject({
				items: [expect.objectContaining({ key: 'quick', name: 'Quick question', staffRoleIds: [home.roles.staff.id] })]
			});
			const panels = await json(await api(`${guildPath()}/panels`, { token: readToken }));
			expect(panels.body).toMatchObject({
				items: [{ key: 'support', title: 'Need help?', channelId: home.general.id, messageId: expect.stringMatching(/^\d+$/) }]
			});
		}, 60_000);

		it('stops a revoked token at once, and a token whose maker is no longer an admin', async () => {
			const revoked = await home.admin.slash(home.general, ['admin', 'api_token_revoke'], { name: 'dashboard-sync' });
			expect(revoked.content).toBe('API token `dashboard-sync` revoked: it no longer works.');
			const readerGone = await home.admin.command(home.general, '!admin api_token_revoke reader');
			expect(readerGone.content).toBe('API token `reader` revoked: it no longer works.');
			const refused = await json(await api(`${guildPath()}/tickets`, { token: readToken, language: 'fr' }));
			expect(refused).toEqual({
				status: 401,
				body: {
					error: {
						code: 'unauthorized',
						message: "Ce jeton d'API a été révoqué. Demandez-en un nouveau à un administrateur du serveur."
					}
				}
			});
			expect((await home.admin.slash(home.general, ['admin', 'api_token_revoke'], { name: 'reader' })).content).toBe(
				'No API token of this server is named `reader`.'
			);
			const audit = await scenario.db.prisma.auditEvent.findMany({
				where: { guildId: home.guild.id, action: 'api_token.revoked' }
			});
			expect(audit.map((entry) => JSON.parse(entry.details).name).sort()).toEqual(['dashboard-sync', 'reader']);
			const listed = await home.admin.slash(home.general, ['admin', 'api_token_list']);
			expect((listed.message!.embeds[0] as Shown).description).not.toContain('reader');

			const leaving = discord.join(home.guild, 'leaving-admin', [home.roles.admin]);
			const theirs = tokenFrom(
				(await leaving.slash(home.general, ['admin', 'api_token_create'], { name: 'leaver', scope: 'write' })).content
			);
			expect((await api(`${guildPath()}/tickets`, { token: theirs })).status).toBe(200);
			discord.world.removeMember(home.guild, leaving.user);
			const stopped = await discord.eventually(async () => {
				const answer = await json(await api(`${guildPath()}/tickets`, { token: theirs }));
				return answer.status === 403 ? answer : null;
			}, 'the token to stop');
			expect(stopped.body).toMatchObject({ error: { code: 'token_maker_not_admin' } });
			for (const garbage of ['tkb_nope', `tkb_${'A'.repeat(43)}`]) {
				const invalid = await json(await api(`${guildPath()}/tickets`, { token: garbage }));
				expect(invalid).toMatchObject({ status: 401, body: { error: { code: 'unauthorized' } } });
			}
			expect((await api(`${guildPath()}/tickets`)).status).toBe(401);
		}, 60_000);

		it('lets a logged-in member read what /ticket list shows them, and change nothing', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			const mine = (await scenario.ticketRow(channel)).number;
			const bobs = (await scenario.ticketRow((await scenario.openTicket(home.bob)).channel)).number;
			const cookie = await logIn(home.alice);
			const list = await json(await api(`${guildPath()}/tickets?status=open`, { cookie }));
			expect(list.status).toBe(200);
			const owners = new Set((list.body as { items: { ownerId: string }[] }).items.map((item) => item.ownerId));
			expect([...owners]).toEqual([home.alice.id]);
			const own = await json(await api(`${guildPath()}/tickets/${mine}`, { cookie }));
			expect(own.body).toMatchObject({ number: mine, works: false, notes: null });
			expect((await api(`${guildPath()}/tickets/${bobs}`, { cookie })).status).toBe(404);
			expect((await api(`${guildPath()}/categories`, { cookie })).status).toBe(403);
			expect((await api(`${guildPath(other)}/tickets`, { cookie })).status).toBe(404);
			const write = await json(await api(`${guildPath()}/tickets/${mine}/close`, { cookie, method: 'POST', body: {} }));
			expect(write).toMatchObject({ status: 403, body: { error: { code: 'token_required' } } });
			expect((await scenario.ticketRow(channel)).status).toBe('open');
		}, 60_000);

		it('reads the analytics for staff, in seconds, and refuses a member', async () => {
			const { channel } = await scenario.openTicket(home.alice);
			home.staff.say(channel, 'Here to help');
			await discord.eventually(async () => (await scenario.ticketRow(channel)).firstResponseAt, 'the first answer');
			// Its first answer was due before it came: one SLA missed, by the staff member who answered.
			const answered = await scenario.ticketRow(channel);
			await scenario.db.prisma.ticket.update({ where: { id: answered.id }, data: { slaDueAt: answered.createdAt } });
			const token = tokenFrom(
				(await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'figures', scope: 'read' })).content
			);
			const figures = await json(await api(`${guildPath()}/analytics?days=7`, { token }));
			expect(figures.status).toBe(200);
			const body = figures.body as {
				total: number;
				daily: { day: string; count: number }[];
				ratings: number[];
				firstResponse: { count: number; averageSeconds: number } | null;
				leaderboard: { staffId: string; answers: number }[];
				sla: {
					categories: { name: string; response: { missed: number; total: number } }[];
					staff: { staffId: string; missed: number; total: number }[];
				};
			};
			const tickets = await scenario.db.prisma.ticket.count({ where: { guildId: home.guild.id, softDeletedAt: null } });
			expect(body.total).toBe(tickets);
			expect(body.daily).toHaveLength(7);
			expect(body.ratings).toHaveLength(5);
			expect(body.firstResponse!.count).toBeGreaterThanOrEqual(1);
			expect(Number.isInteger(body.firstResponse!.averageSeconds)).toBe(true);
			expect(body.leaderboard.find((standing) => standing.staffId === home.staff.id)?.answers).toBeGreaterThanOrEqual(1);
			expect(body.sla.categories.map((entry) => entry.response)).toContainEqual({ missed: 1, total: 1 });
			expect(body.sla.staff).toContainEqual({ staffId: home.staff.id, missed: 1, total: 1 });

			const staffLogin = await json(await api(`${guildPath()}/analytics`, { cookie: await logIn(home.staff) }));
			expect(staffLogin.status).toBe(200);
			const member = await json(await api(`${guildPath()}/analytics`, { cookie: await logIn(home.alice) }));
			expect(member).toMatchObject({
				status: 403,
				body: { error: { message: "Only the server's staff can see its ticket analytics." } }
			});
			expect((await api(`${guildPath()}/analytics?days=0`, { token })).status).toBe(400);
		}, 60_000);

		it('limits each token to its own rate, without slowing the others', async () => {
			const token = tokenFrom(
				(await home.admin.slash(home.general, ['admin', 'api_token_create'], { name: 'busy', scope: 'read' })).content
			);
			const statuses: number[] = [];
			for (let i = 0; i < 121; i++) statuses.push((await api(`${guildPath()}/panels`, { token })).status);
			expect(statuses.slice(0, 120).every((status) => status === 200)).toBe(true);
			const limited = await api(`${guildPath()}/panels`, { token });
			expect(limited.status).toBe(429);
			expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(await limited.json()).toMatchObject({ error: { code: 'rate_limited' } });
			expect((await api(`${guildPath()}/panels`, { token: writeToken })).status).toBe(200);
		}, 60_000);

		it('documents every route in its OpenAPI document, and serves its docs page with its own script policy', async () => {
			const document = (await (await fetch(`${base}/api/docs/openapi.json`)).json()) as {
				openapi: string;
				paths: Record<string, Record<string, { security: unknown[]; responses: Record<string, unknown> }>>;
			};
			expect(document.openapi).toMatch(/^3\./);
			const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
				Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`)
			);
			const guild = '/api/v1/guilds/{guildId}';
			expect(operations.sort()).toEqual(
				[
					`GET ${guild}/tickets`,
					`GET ${guild}/tickets/{number}`,
					`POST ${guild}/tickets/{number}/claim`,
					`POST ${guild}/tickets/{number}/close`,
					`POST ${guild}/tickets/{number}/notes`,
					`GET ${guild}/tickets/{number}/messages`,
					`GET ${guild}/tickets/{number}/transcript`,
					`GET ${guild}/tickets/{number}/attachments/{file}`,
					`GET ${guild}/categories`,
					`GET ${guild}/panels`,
					`GET ${guild}/analytics`
				].sort()
			);
			for (const methods of Object.values(document.paths))
				for (const operation of Object.values(methods)) {
					expect(operation.security.length).toBeGreaterThan(0);
					expect(Object.keys(operation.responses)).toContain('404');
				}

			const page = await fetch(`${base}/api/docs`);
			expect(page.status).toBe(200);
			expect(await page.text()).toContain('/api/docs/static/swagger-ui-bundle.js');
			expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
			const dashboard = await fetch(base);
			expect(dashboard.headers.get('content-security-policy')).not.toContain('script-src');
			const missing = await fetch(`${base}/api/v1/nowhere`);
			expect(missing.status).toBe(404);
			expect(await missing.json()).toMatchObject({ error: { code: 'not_found' } });
		}, 60_000);

		/** Logs in to the dashboard as a member the way a browser would, with fetch; the session cookie. */
		async function logIn(actor: Actor): Promise<string> {
			const cookieOf = (response: Response, name: string) => {
				const cookie = response.headers.getSetCookie().find((line) => line.startsWith(`${name}=`));
				if (!cookie) throw new Error(`no ${name} cookie (${response.status})`);
				return cookie.split(';')[0]!;
			};
			const start = await fetch(`${base}/login`, { redirect: 'manual' });
			const state = cookieOf(start, 'ticketbot_oauth');
			const authorize = new URL(start.headers.get('location')!);
			const discordCookie = `${discord.emulator.browserCookie(actor.id).name}=${actor.id}`;
			const html = await (await fetch(authorize, { headers: { cookie: discordCookie } })).text();
			const fields = Object.fromEntries(
				[...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((match) => [
					match[1]!,
					match[2]!.replace(
						/&(amp|lt|gt|quot|#39);/g,
						(_all, entity: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[entity]!
					)
				])
			);
			const decided = await fetch(new URL('/oauth2/authorize', authorize), {
				method: 'POST',
				redirect: 'manual',
				headers: { cookie: discordCookie, 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ ...fields, decision: 'authorize' }).toString()
			});
			const callback = await fetch(decided.headers.get('location')!, { redirect: 'manual', headers: { cookie: state } });
			return cookieOf(callback, 'ticketbot_session');
		}
	});
}
