import type { Cache } from '../cache/Cache.js';
import { catalogKey } from '../categories/CategoryService.js';
import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';

export type PanelMode = 'buttons' | 'select';
export type PanelButtonStyle = 'primary' | 'secondary' | 'success' | 'danger';
export const PANEL_STYLES: readonly PanelButtonStyle[] = ['primary', 'secondary', 'success', 'danger'];
export const PANEL_MODES: readonly PanelMode[] = ['buttons', 'select'];

export interface Panel {
	id: number;
	key: string;
	channelId: string;
	title: string;
	description: string | null;
	buttonLabel: string | null;
	emoji: string | null;
	buttonStyle: PanelButtonStyle;
	mode: PanelMode;
	/** Empty: every category of the guild. */
	categoryKeys: string[];
	messageId: string | null;
	deployedAt: Date | null;
}

export type PanelFields = Partial<Omit<Panel, 'id' | 'key' | 'messageId' | 'deployedAt'>> & { channelId: string; title: string };

type PanelRow = Awaited<ReturnType<GuildData['db']['panel']['findFirstOrThrow']>>;

export class PanelService {
	public constructor(private readonly cache: Cache) {}

	public async list(data: GuildData): Promise<Panel[]> {
		return (await data.db.panel.findMany({ orderBy: { id: 'asc' } })).map(toPanel);
	}

	public async byKey(data: GuildData, key: string): Promise<Panel | null> {
		const row = await data.db.panel.findUnique({ where: { guildId_key: { guildId: data.guildId, key } } });
		return row ? toPanel(row) : null;
	}

	public async byId(data: GuildData, id: number): Promise<Panel | null> {
		const row = await data.db.panel.findUnique({ where: { id } });
		return row ? toPanel(row) : null;
	}

	/** Creates or updates a panel. Moving it to another channel forgets the old message, so the next deploy posts anew. */
	public async upsert(data: GuildData, key: string, fields: PanelFields): Promise<{ panel: Panel; created: boolean }> {
		const existing = await data.db.panel.findUnique({ where: { guildId_key: { guildId: data.guildId, key } } });
		const values = {
			channelId: fields.channelId,
			title: fields.title,
			...(fields.description !== undefined ? { description: fields.description } : {}),
			...(fields.buttonLabel !== undefined ? { buttonLabel: fields.buttonLabel } : {}),
			...(fields.emoji !== undefined ? { emoji: fields.emoji } : {}),
			...(fields.buttonStyle !== undefined ? { buttonStyle: fields.buttonStyle } : {}),
			...(fields.mode !== undefined ? { mode: fields.mode } : {}),
			...(fields.categoryKeys !== undefined ? { categoryKeys: writeList(fields.categoryKeys) } : {})
		};
		const row = existing
			? await data.db.panel.update({
					where: { id: existing.id },
					data: { ...values, ...(existing.channelId !== fields.channelId ? { messageId: null, deployedAt: null } : {}) }
				})
			: await data.db.panel.create({ data: { guildId: data.guildId, key, ...values } });
		await this.cache.delete(catalogKey(data.guildId));
		return { panel: toPanel(row), created: !existing };
	}

	/** Deletes the panel's record; returns it (with the message it posted) or null when there is none. */
	public async delete(data: GuildData, key: string): Promise<Panel | null> {
		const row = await data.db.panel.findUnique({ where: { guildId_key: { guildId: data.guildId, key } } });
		if (!row) return null;
		await data.db.panel.delete({ where: { id: row.id } });
		await this.cache.delete(catalogKey(data.guildId));
		return toPanel(row);
	}

	public async markDeployed(data: GuildData, id: number, messageId: string): Promise<void> {
		await data.db.panel.update({ where: { id }, data: { messageId, deployedAt: new Date() } });
	}
}

function toPanel(row: PanelRow): Panel {
	return {
		id: row.id,
		key: row.key,
		channelId: row.channelId,
		title: row.title,
		description: row.description,
		buttonLabel: row.buttonLabel,
		emoji: row.emoji,
		buttonStyle: (PANEL_STYLES as readonly string[]).includes(row.buttonStyle)
			? (row.buttonStyle as PanelButtonStyle)
			: 'primary',
		mode: row.mode === 'select' ? 'select' : 'buttons',
		categoryKeys: readList(row.categoryKeys),
		messageId: row.messageId,
		deployedAt: row.deployedAt
	};
}
