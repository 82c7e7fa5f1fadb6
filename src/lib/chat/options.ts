import { Resolvers, type Args } from '@sapphire/framework';
import { Result } from '@sapphire/result';
import {
	type ChannelType,
	type ChatInputCommandInteraction,
	type Guild,
	type GuildBasedChannel,
	type GuildMember,
	type Role,
	type User
} from 'discord.js';
import { LanguageKeys } from '../i18n/languageKeys.js';
import { refuse, Refusal } from '../errors/Refusal.js';
import { notice } from '../i18n/notice.js';

export type OptionType = 'string' | 'integer' | 'boolean' | 'user' | 'channel' | 'role';

export interface OptionSpec {
	name: string;
	type: OptionType;
	description: string;
	required?: boolean;
	minLength?: number;
	maxLength?: number;
	min?: number;
	max?: number;
	/** Allowed values of a string option, shown as choices in the slash command. */
	choices?: readonly string[];
	/** Channel kinds a channel option accepts. */
	channelTypes?: readonly ChannelType[];
	/** A prefix command's last string option takes the rest of the line unless this is false. */
	rest?: boolean;
	/** A prefix command sets this option only by name (`--title=…`), never from the words in order. */
	named?: boolean;
	/** Discord asks the bot for values as the member types (slash only): see DefinedCommand. */
	autocomplete?: Autocomplete;
}

/** Values offered for what a member has typed so far: each a name shown and the value sent. */
export type Autocomplete = (member: GuildMember, typed: string) => Promise<readonly { name: string; value: string }[]>;

export type OptionValue = string | number | boolean | User | GuildBasedChannel | Role;

/** Resolved, validated values of one invocation, the same whether it came as a slash or a prefix command. */
export class CommandOptions {
	public constructor(private readonly values: ReadonlyMap<string, OptionValue>) {}

	public string(name: string): string | null {
		return (this.values.get(name) as string | undefined) ?? null;
	}

	public integer(name: string): number | null {
		return (this.values.get(name) as number | undefined) ?? null;
	}

	public boolean(name: string): boolean | null {
		return (this.values.get(name) as boolean | undefined) ?? null;
	}

	public user(name: string): User | null {
		return (this.values.get(name) as User | undefined) ?? null;
	}

	public channel(name: string): GuildBasedChannel | null {
		return (this.values.get(name) as GuildBasedChannel | undefined) ?? null;
	}

	public role(name: string): Role | null {
		return (this.values.get(name) as Role | undefined) ?? null;
	}

	public has(name: string): boolean {
		return this.values.has(name);
	}
}

const invalid = (spec: OptionSpec, context: Record<string, unknown> = {}) =>
	new Refusal(notice(LanguageKeys.Errors.InvalidOption, { argument: spec.name, ...context }));

/** Checks a value against its spec: the same rules and messages for both kinds of invocation. */
export function validateOption(spec: OptionSpec, value: OptionValue): OptionValue {
	if (spec.type === 'string') {
		const text = (value as string).trim();
		const choice = spec.choices?.find((allowed) => allowed.toLowerCase() === text.toLowerCase());
		if (spec.choices && choice === undefined) {
			refuse(LanguageKeys.Errors.InvalidChoice, { argument: spec.name, choices: spec.choices.join(', ') });
		}
		if (spec.minLength !== undefined && text.length < spec.minLength) throw invalid(spec, { detail: `≥ ${spec.minLength}` });
		if (spec.maxLength !== undefined && text.length > spec.maxLength) {
			refuse(LanguageKeys.Errors.TooLong, { argument: spec.name, max: spec.maxLength });
		}
		return choice ?? text;
	}
	if (spec.type === 'integer') {
		const number = value as number;
		if (
			!Number.isInteger(number) ||
			(spec.min !== undefined && number < spec.min) ||
			(spec.max !== undefined && number > spec.max)
		) {
			refuse(LanguageKeys.Errors.OutOfRange, { argument: spec.name, min: spec.min ?? '−∞', max: spec.max ?? '∞' });
		}
	}
	if (spec.type === 'channel' && spec.channelTypes && !spec.channelTypes.includes((value as GuildBasedChannel).type))
		throw invalid(spec);
	return value;
}

function finish(specs: readonly OptionSpec[], values: Map<string, OptionValue>): CommandOptions {
	for (const spec of specs) {
		const value = values.get(spec.name);
		if (value === undefined) {
			if (spec.required) refuse(LanguageKeys.Errors.MissingArgument, { argument: spec.name });
			continue;
		}
		values.set(spec.name, validateOption(spec, value));
	}
	return new CommandOptions(values);
}

export function optionsFromInteraction(interaction: ChatInputCommandInteraction, specs: readonly OptionSpec[]): CommandOptions {
	const values = new Map<string, OptionValue>();
	for (const spec of specs) {
		const { options } = interaction;
		let value: OptionValue | null = null;
		switch (spec.type) {
			case 'string':
				value = options.getString(spec.name);
				break;
			case 'integer':
				value = options.getInteger(spec.name);
				break;
			case 'boolean':
				value = options.getBoolean(spec.name);
				break;
			case 'user':
				value = options.getUser(spec.name);
				break;
			case 'channel':
				value = (options.getChannel(spec.name) as GuildBasedChannel | null) ?? null;
				break;
			case 'role':
				value = (options.getRole(spec.name) as Role | null) ?? null;
				break;
		}
		if (value !== null) values.set(spec.name, value);
	}
	return finish(specs, values);
}

/** Turns one word of a prefix command into the option's type; a word that does not fit names the option. */
async function resolveWord(spec: OptionSpec, word: string, guild: Guild): Promise<OptionValue> {
	const result = await (async () => {
		switch (spec.type) {
			case 'string':
				return Result.ok(word);
			case 'integer':
				return Resolvers.resolveInteger(word);
			case 'boolean':
				return Resolvers.resolveBoolean(word, { truths: ['yes', 'on', 'oui'], falses: ['no', 'off', 'non'] });
			case 'user':
				return Resolvers.resolveUser(word);
			case 'channel':
				return Resolvers.resolveGuildChannel(word, guild);
			case 'role':
				return Resolvers.resolveRole(word, guild);
		}
	})();
	if (result.isErr()) throw invalid(spec);
	return result.unwrap() as OptionValue;
}

/**
 * Reads a prefix command: `--name=value` sets any option by name; the other words fill the remaining
 * options in order (quoted words count as one; the last string option takes the rest of the line).
 */
export async function optionsFromArgs(args: Args, specs: readonly OptionSpec[], guild: Guild): Promise<CommandOptions> {
	const values = new Map<string, OptionValue>();
	for (const spec of specs) {
		const named = args.getOption(spec.name);
		if (named !== null) values.set(spec.name, await resolveWord(spec, named, guild));
	}
	const positional = specs.filter((spec) => !values.has(spec.name) && !spec.named);
	const lastString = positional.findLastIndex((spec) => spec.type === 'string');
	for (const [index, spec] of positional.entries()) {
		if (args.finished) break;
		const takesRest = spec.type === 'string' && index === lastString && spec.rest !== false;
		const word = takesRest ? await args.restResult('string') : await args.pickResult('string');
		if (word.isErr()) break;
		values.set(spec.name, await resolveWord(spec, word.unwrap(), guild));
	}
	return finish(specs, values);
}

/** Every option name of these specs, for the command's accepted `--name=value` options. */
export function optionNames(specs: readonly OptionSpec[]): string[] {
	return [...new Set(specs.map((spec) => spec.name))];
}
