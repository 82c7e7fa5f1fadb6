// Discord misbehaving during a chaos run (--storm): every few seconds one of the faults Discord shows
// under load or during incidents. Interaction callbacks are spared, as Discord spares them its limits.
import type { TestDiscord } from '../../test/harness/TestDiscord.js';
import type { Random } from './random.js';

const NOT_INTERACTIONS = /^\/(channels|guilds|users|webhooks)\//;

export function startStorms(discord: TestDiscord, random: Random): { counts: Map<string, number>; stop(): void } {
	const { limits, gateway } = discord.emulator;
	const storms: { name: string; run(): void }[] = [
		{
			name: 'global 429',
			run: () => limits.injectRateLimit({ route: NOT_INTERACTIONS }, { retryAfterMs: 1_000, global: true, count: 1 })
		},
		{
			name: '429 on posting messages',
			run: () =>
				limits.injectRateLimit({ method: 'POST', route: '/channels/:channelId/messages' }, { retryAfterMs: 2_000, count: 2 })
		},
		{
			name: 'shared 429 on permission overwrites',
			run: () =>
				limits.injectRateLimit(
					{ method: 'PUT', route: '/channels/:channelId/permissions/:overwriteId' },
					{ retryAfterMs: 1_500, shared: true, count: 2 }
				)
		},
		{ name: '5xx burst', run: () => limits.injectServerError({ route: NOT_INTERACTIONS }, { status: 502, count: 3 }) },
		{ name: '5 s latency', run: () => limits.injectLatency({ route: NOT_INTERACTIONS }, 5_000, 3) },
		{ name: 'gateway closed', run: () => gateway.closeAll(4000, 'storm') }
	];
	const counts = new Map<string, number>();
	let timer: NodeJS.Timeout;
	const next = () => {
		timer = setTimeout(
			() => {
				const storm = random.pick(storms);
				counts.set(storm.name, (counts.get(storm.name) ?? 0) + 1);
				storm.run();
				next();
			},
			2_000 + random.int(3_000)
		);
	};
	next();
	return {
		counts,
		stop: () => {
			clearTimeout(timer);
			limits.clearFaults();
		}
	};
}
