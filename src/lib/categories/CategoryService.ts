import type { Cache } from '../cache/Cache.js';
import type { z } from 'zod';
import type { BotConfig, categorySchema, Priority, questionSchema } from '../config/schema.js';
import type { GuildData } from '../database/guildData.js';
import { readList, writeList } from '../database/json.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { userWritten } from '../i18n/notice.js';
import type { QuestionInput } from './parse.js';
import { refuse } from '../errors/Refusal.js';

/** The cache key of a guild's categories and panels (panels/Catalog.ts), dropped whenever either changes. */
export const catalogKey = (guildId: string) => `guild:${guildId}:catalog`;

export interface TicketCategory {
	id: number;
	key: string;
	displayName: string;
	description: string | null;
	emoji: string | null;
	slaMinutes: number | null;
	resolutionSlaMinutes: number | null;
	/** The stored schedule (src/lib/hours), or null: staff are always there. */
	workingHours: string | null;
	/** Out of hours: open with a notice, or pause creation. */
	outOfHours: OutOfHours;
	defaultPriority: Priority;
	defaultTags: string[];
	staffRoleIds: string[];
	parentChannelId: string | null;
	anonymousAllowed: boolean;
	captcha: boolean;
	questions: QuestionInput[];
}

export type OutOfHours = 'notice' | 'pause';
export const OUT_OF_HOURS: readonly OutOfHours[] = ['notice', 'pause'];

export interface CategoryChanges {
	displayName: string;
	description?: string | null;
	emoji?: string | null;
	slaMinutes?: number | null;
	resolutionSlaMinutes?: number | null;
	workingHours?: string | null;
	outOfHours?: OutOfHours;
	defaultPriority?: Priority;
	defaultTags?: string[];
	staffRoleIds?: string[];
	parentChannelId?: string | null;
	anonymousAllowed?: boolean;
	captcha?: boolean;
	/** Replaces all questions when given. */
	questions?: QuestionInput[];
}

type CategoryRow = Awaited<ReturnType<GuildData['db']['category']['findFirstOrThrow']>> & {
	questions: {
		label: string;
		style: string;
		required: boolean;
		minLength: number | null;
		maxLength: number | null;
		pattern: string | null;
	}[];
};

const withQuestions = { questions: { orderBy: { position: 'asc' as const } } };

/** The guild's ticket categories: what a panel offers and what a ticket is filed under. */
export class CategoryService {
	public constructor(
		private readonly config: BotConfig,
		private readonly cache: Cache
	) {}

	/** Every category, in display order; a guild that never had any first gets the config.yaml defaults. */
	public async list(data: GuildData): Promise<TicketCategory[]> {
		await this.bootstrap(data);
		const rows = await data.db.category.findMany({ include: withQuestions, orderBy: [{ position: 'asc' }, { id: 'asc' }] });
		return rows.map(toCategory);
	}

	public async byKey(data: GuildData, key: string): Promise<TicketCategory | null> {
		await this.bootstrap(data);
		const row = await data.db.category.findUnique({
			where: { guildId_key: { guildId: data.guildId, key } },
			include: withQuestions
		});
		return row ? toCategory(row) : null;
	}

	/** The category with this key, or a refusal that names the guild's categories. */
	public async requireByKey(data: GuildData, key: string): Promise<TicketCategory> {
		const category = await this.byKey(data, key.trim().toLowerCase());
		if (category) return category;
		const keys = (await this.list(data)).map((entry) => `\`${entry.key}\``).join(', ');
		refuse(LanguageKeys.Categories.NotFound, { key: userWritten(key, 32), keys });
	}

	public async byId(data: GuildData, id: number): Promise<TicketCategory | null> {
		const row = await data.db.category.findUnique({ where: { id }, include: withQuestions });
		return row ? toCategory(row) : null;
	}

	/** Creates or updates a category; returns it and whether it was new. Questions are replaced as a whole. */
	public async upsert(
		data: GuildData,
		key: string,
		changes: CategoryChanges
	): Promise<{ category: TicketCategory; created: boolean }> {
		await this.bootstrap(data);
		const existing = await data.db.category.findUnique({ where: { guildId_key: { guildId: data.guildId, key } } });
		const fields = {
			displayName: changes.displayName,
			...(changes.description !== undefined ? { description: changes.description } : {}),
			...(changes.emoji !== undefined ? { emoji: changes.emoji } : {}),
			...(changes.slaMinutes !== undefined ? { slaMinutes: changes.slaMinutes } : {}),
			...(changes.resolutionSlaMinutes !== undefined ? { resolutionSlaMinutes: changes.resolutionSlaMinutes } : {}),
			...(changes.workingHours !== undefined ? { workingHours: changes.workingHours } : {}),
			...(changes.outOfHours !== undefined ? { outOfHours: changes.outOfHours } : {}),
			...(changes.defaultPriority !== undefined ? { defaultPriority: changes.defaultPriority } : {}),
			...(changes.defaultTags !== undefined ? { defaultTags: writeList(changes.defaultTags) } : {}),
			...(changes.staffRoleIds !== undefined ? { staffRoleIds: writeList(changes.staffRoleIds) } : {}),
			...(changes.parentChannelId !== undefined ? { parentChannelId: changes.parentChannelId } : {}),
			...(changes.anonymousAllowed !== undefined ? { anonymousAllowed: changes.anonymousAllowed } : {}),
			...(changes.captcha !== undefined ? { captcha: changes.captcha } : {})
		};
		const questions = changes.questions?.map((question, position) => ({ ...question, position, guildId: data.guildId }));
		const row = await data.db.$transaction(async (tx) => {
			if (existing) {
				if (questions) await tx.categoryQuestion.deleteMany({ where: { categoryId: existing.id } });
				return tx.category.update({
					where: { id: existing.id },
					data: { ...fields, ...(questions ? { questions: { create: questions } } : {}) },
					include: withQuestions
				});
			}
			const position = await tx.category.count();
			return tx.category.create({
				data: { guildId: data.guildId, key, position, ...fields, ...(questions ? { questions: { create: questions } } : {}) },
				include: withQuestions
			});
		});
		await this.cache.delete(catalogKey(data.guildId));
		return { category: toCategory(row), created: !existing };
	}

	/**
	 * Deletes a category no ticket was ever filed under (their records keep their category), and takes it
	 * off the panels that list it. Returns those panels' keys so the admin can post them again.
	 */
	public async delete(data: GuildData, key: string): Promise<{ category: TicketCategory; panels: string[] }> {
		const category = await this.requireByKey(data, key);
		const used = await data.db.ticket.count({ where: { categoryId: category.id } });
		if (used > 0) refuse(LanguageKeys.Categories.InUse, { name: userWritten(category.displayName, 80), count: used });
		const panels = (await data.db.panel.findMany()).filter((panel) => readList(panel.categoryKeys).includes(category.key));
		await data.db.$transaction(async (tx) => {
			for (const panel of panels)
				await tx.panel.update({
					where: { id: panel.id },
					data: { categoryKeys: writeList(readList(panel.categoryKeys).filter((entry) => entry !== category.key)) }
				});
			await tx.category.delete({ where: { id: category.id } });
		});
		await this.cache.delete(catalogKey(data.guildId));
		return { category, panels: panels.map((panel) => panel.key) };
	}

	/** Copies the config.yaml categories into a guild once; deleting them later does not bring them back. */
	public async bootstrap(data: GuildData): Promise<void> {
		const settings = await data.settings();
		if (settings.categoriesBootstrapped) return;
		await data.db.$transaction(async (tx) => {
			// Whoever flips the flag first copies the defaults; a concurrent call finds it set.
			const claimed = await tx.guildSettings.updateMany({
				where: { guildId: data.guildId, categoriesBootstrapped: false },
				data: { categoriesBootstrapped: true }
			});
			if (claimed.count === 0 || (await tx.category.count()) > 0) return;
			for (const [position, category] of this.config.categories.entries()) {
				await tx.category.create({
					data: {
						guildId: data.guildId,
						key: category.key,
						...categoryColumns(category),
						position,
						questions: { create: questionRows(data.guildId, category.questions) }
					}
				});
			}
		});
	}
}

/** The stored columns of a category as config.yaml and backups write it (staff roles and parent are the guild's). */
export function categoryColumns(category: z.output<typeof categorySchema>) {
	return {
		displayName: category.displayName,
		description: category.description ?? null,
		emoji: category.emoji ?? null,
		slaMinutes: category.slaMinutes ?? null,
		resolutionSlaMinutes: category.resolutionSlaMinutes ?? null,
		workingHours: category.workingHours ?? null,
		outOfHours: category.outOfHours,
		defaultPriority: category.defaultPriority,
		defaultTags: writeList(category.defaultTags),
		anonymousAllowed: category.anonymousAllowed,
		captcha: category.captcha
	};
}

/** Stored rows of a category's questions (as config.yaml and backups write them), in order. */
export function questionRows(guildId: string, questions: readonly z.input<typeof questionSchema>[]) {
	return questions.map((question, position) => ({
		guildId,
		position,
		label: question.label,
		placeholder: question.placeholder ?? null,
		style: question.style ?? 'short',
		required: question.required ?? true,
		minLength: question.minLength ?? null,
		maxLength: question.maxLength ?? null,
		pattern: question.pattern ?? null
	}));
}

function toCategory(row: CategoryRow): TicketCategory {
	return {
		id: row.id,
		key: row.key,
		displayName: row.displayName,
		description: row.description,
		emoji: row.emoji,
		slaMinutes: row.slaMinutes,
		resolutionSlaMinutes: row.resolutionSlaMinutes,
		workingHours: row.workingHours,
		outOfHours: row.outOfHours === 'pause' ? 'pause' : 'notice',
		defaultPriority: row.defaultPriority as Priority,
		defaultTags: readList(row.defaultTags),
		staffRoleIds: readList(row.staffRoleIds),
		parentChannelId: row.parentChannelId,
		anonymousAllowed: row.anonymousAllowed,
		captcha: row.captcha,
		questions: row.questions.map((question) => ({
			label: question.label,
			style: question.style === 'paragraph' ? 'paragraph' : 'short',
			required: question.required,
			minLength: question.minLength,
			maxLength: question.maxLength,
			pattern: question.pattern
		}))
	};
}
