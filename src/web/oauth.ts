import { CodeChallengeMethod, OAuth2Client, generateCodeVerifier, generateState } from 'arctic';

/** What the dashboard asks Discord for: who the user is, and which servers they are in. */
export const SCOPES = ['identify', 'guilds'];

export interface DiscordLogin {
	/** Where the browser goes to authorize, and the secrets to keep until it comes back. */
	begin(): { url: URL; state: string; verifier: string };
	/** The code Discord sent back, exchanged (with the PKCE verifier) for who the user is and their servers. */
	finish(code: string, verifier: string): Promise<{ user: { id: string; username: string }; guildIds: string[] }>;
}

export interface DiscordLoginOptions {
	clientId: string;
	clientSecret: string;
	redirectUri: string;
	/** Where browsers authorize (https://discord.com, or the emulator). */
	webUrl: string;
	/** Discord's REST base without version (https://discord.com/api, or the emulator's). */
	apiUrl: string;
}

/**
 * Discord's OAuth2 authorization code grant with state and PKCE, through arctic's generic client (its
 * endpoints are Discord's, or the emulator's in tests). The access token is used once, at login, and
 * not kept: the bot's own token answers every later question about membership and roles.
 */
export function discordLogin(options: DiscordLoginOptions): DiscordLogin {
	const client = new OAuth2Client(options.clientId, options.clientSecret, options.redirectUri);
	const web = options.webUrl.replace(/\/$/, '');
	const api = options.apiUrl.replace(/\/$/, '');
	const get = async <T>(path: string, token: string): Promise<T> => {
		const response = await fetch(`${api}/v10${path}`, { headers: { authorization: `Bearer ${token}` } });
		if (!response.ok) throw new Error(`Discord answered ${response.status} to ${path}`);
		return (await response.json()) as T;
	};
	return {
		begin() {
			const state = generateState();
			const verifier = generateCodeVerifier();
			const url = client.createAuthorizationURLWithPKCE(
				`${web}/oauth2/authorize`,
				state,
				CodeChallengeMethod.S256,
				verifier,
				SCOPES
			);
			return { url, state, verifier };
		},
		async finish(code, verifier) {
			const tokens = await client.validateAuthorizationCode(`${api}/oauth2/token`, code, verifier);
			const accessToken = tokens.accessToken();
			const [user, guilds] = await Promise.all([
				get<{ id: string; username: string; global_name?: string | null }>('/users/@me', accessToken),
				get<{ id: string }[]>('/users/@me/guilds', accessToken)
			]);
			return {
				user: { id: user.id, username: user.global_name ?? user.username },
				guildIds: guilds.map((guild) => guild.id)
			};
		}
	};
}
