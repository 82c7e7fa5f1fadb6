/**
 * Every translation key the code uses, as typed constants: a key is never written as a raw string
 * elsewhere. test/i18n/languages.test.ts checks that each key exists in every locale.
 * The type parameter names the interpolation values the text expects.
 */
export type TranslationKey<Args extends object = Record<never, never>> = string & { readonly __args?: Args };

const key = <Args extends object = Record<never, never>>(name: string) => name as TranslationKey<Args>;

export const LanguageKeys = {
	Errors: {
		Unexpected: key<{ ref: string }>('errors:unexpected'),
		ShuttingDown: key('errors:shuttingDown'),
		UnknownSubcommand: key<{ command: string }>('errors:unknownSubcommand'),
		MissingArgument: key<{ argument: string }>('errors:missingArgument'),
		InvalidArgument: key<{ argument: string }>('errors:invalidArgument'),
		GuildOnly: key('errors:guildOnly'),
		MissingBotPermissions: key<{ permissions: string }>('errors:missingBotPermissions'),
		MissingUserPermissions: key<{ permissions: string }>('errors:missingUserPermissions'),
		Cooldown: key<{ seconds: number }>('errors:cooldown'),
		OwnerOnly: key('errors:ownerOnly'),
		Denied: key('errors:denied')
	}
} as const;

/** All keys, flattened, for tests and tooling. */
export function allLanguageKeys(tree: object = LanguageKeys): string[] {
	return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : allLanguageKeys(value as object)));
}
