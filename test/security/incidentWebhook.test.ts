import { describe, expect, it } from 'vitest';
import { parseWebhookUrl } from '../../src/lib/security/incidentWebhook.js';

const ID = '123456789012345678';
const TOKEN = 'aB3-_xYz'.repeat(8);

describe('incident webhook URLs', () => {
	it('takes Discord webhook URLs, with or without an API version', () => {
		for (const url of [
			`https://discord.com/api/webhooks/${ID}/${TOKEN}`,
			`https://canary.discord.com/api/v10/webhooks/${ID}/${TOKEN}`,
			`https://discordapp.com/api/webhooks/${ID}/${TOKEN}/`,
			`  https://ptb.discord.com/api/webhooks/${ID}/${TOKEN}  `
		])
			expect(parseWebhookUrl(url), url).toEqual({ id: ID, token: TOKEN });
	});

	it('takes the configured REST base (a proxy, or the test emulator) and nothing else', () => {
		const base = 'http://127.0.0.1:4000/api';
		expect(parseWebhookUrl(`${base}/webhooks/${ID}/${TOKEN}`, base)).toEqual({ id: ID, token: TOKEN });
		expect(parseWebhookUrl(`${base}/webhooks/${ID}/${TOKEN}`)).toBeNull();
		expect(parseWebhookUrl(`http://127.0.0.1:4001/api/webhooks/${ID}/${TOKEN}`, base)).toBeNull();
	});

	it('refuses other hosts, plain http, other routes and anything extra', () => {
		for (const url of [
			`https://evil.example/api/webhooks/${ID}/${TOKEN}`,
			`https://discord.com.evil.example/api/webhooks/${ID}/${TOKEN}`,
			`http://discord.com/api/webhooks/${ID}/${TOKEN}`,
			`https://discord.com/webhooks/${ID}/${TOKEN}`,
			`https://discord.com/api/webhooks/${ID}/${TOKEN}/slack`,
			`https://discord.com/api/webhooks/${ID}/${TOKEN}?thread_id=1`,
			`https://discord.com/api/webhooks/12/${TOKEN}`,
			`https://discord.com/api/webhooks/${ID}/short`,
			`https://discord.com/api/channels/${ID}/messages`,
			`https://user:pass@evil.example/api/webhooks/${ID}/${TOKEN}`,
			'javascript:alert(1)',
			'none of that'
		])
			expect(parseWebhookUrl(url), url).toBeNull();
	});
});
