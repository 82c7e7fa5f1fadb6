import { publicUrl } from '../lib/config/env.js';
import type { Surface } from '../lib/setup/start.js';
import { createWebServer } from './server.js';

/** The dashboard in the bot's process, when WEB_PORT is set. */
export const webSurface: Surface = {
	name: 'web dashboard',
	setting: 'WEB_PORT',
	async start(services) {
		const { env } = services;
		if (env.WEB_PORT === undefined) return null;
		const app = await createWebServer(services);
		await app.listen({ port: env.WEB_PORT, host: env.WEB_HOST });
		services.ticketServices.log.info(`Dashboard ready at ${publicUrl(env)} (listening on ${env.WEB_HOST}:${env.WEB_PORT})`);
		return { stop: () => app.close() };
	}
};
