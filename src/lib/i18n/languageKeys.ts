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
		Denied: key('errors:denied'),
		InvalidOption: key<{ argument: string }>('errors:invalidOption'),
		InvalidChoice: key<{ argument: string; choices: string }>('errors:invalidChoice'),
		TooLong: key<{ argument: string; max: number }>('errors:tooLong'),
		OutOfRange: key<{ argument: string; min: number | string; max: number | string }>('errors:outOfRange'),
		AdminOnly: key('errors:adminOnly'),
		InvalidButton: key('errors:invalidButton')
	},
	Categories: {
		TagTooLong: key<{ tag: string; max: number }>('categories:tagTooLong'),
		TooManyTags: key<{ max: number }>('categories:tooManyTags'),
		BadRole: key<{ value: string }>('categories:badRole'),
		UnknownRole: key<{ value: string }>('categories:unknownRole'),
		TooManyQuestions: key<{ max: number }>('categories:tooManyQuestions'),
		BadQuestion: key<{ question: string }>('categories:badQuestion'),
		BadKey: key<{ key: string }>('categories:badKey'),
		Created: key<{ name: string; key: string }>('categories:created'),
		Updated: key<{ name: string; key: string }>('categories:updated'),
		ListTitle: key<{ count: number }>('categories:listTitle'),
		ListEmpty: key('categories:listEmpty'),
		NotFound: key<{ key: string; keys: string }>('categories:notFound'),
		Questions: key<{ count: number }>('categories:questions'),
		Sla: key<{ minutes: number }>('categories:sla'),
		Anonymous: key('categories:anonymous'),
		Captcha: key('categories:captcha')
	},
	Panels: {
		BadKey: key<{ key: string }>('panels:badKey'),
		Created: key<{ key: string; channel: string }>('panels:created'),
		Updated: key<{ key: string; channel: string }>('panels:updated'),
		Deployed: key<{ key: string; url: string }>('panels:deployed'),
		Redeployed: key<{ key: string; url: string }>('panels:redeployed'),
		NotFound: key<{ key: string }>('panels:notFound'),
		NotTextChannel: key('panels:notTextChannel'),
		CannotPost: key<{ channel: string }>('panels:cannotPost'),
		UnknownCategories: key<{ keys: string; available: string }>('panels:unknownCategories'),
		NoCategories: key('panels:noCategories'),
		ListTitle: key<{ count: number }>('panels:listTitle'),
		ListEmpty: key('panels:listEmpty'),
		NotDeployed: key('panels:notDeployed'),
		DefaultButton: key('panels:defaultButton'),
		SelectPlaceholder: key('panels:selectPlaceholder')
	},
	Tickets: {
		Created: key<{ channel: string; number: number }>('tickets:created'),
		Lockdown: key('tickets:lockdown'),
		Blacklisted: key<{ reason: string }>('tickets:blacklisted'),
		BlacklistedUntil: key<{ reason: string; until: string }>('tickets:blacklistedUntil'),
		Cooldown: key<{ seconds: number }>('tickets:cooldown'),
		HourlyLimit: key<{ limit: number; minutes: number }>('tickets:hourlyLimit'),
		MaxOpen: key<{ max: number; channels: string }>('tickets:maxOpen'),
		Busy: key('tickets:busy'),
		CategoryGone: key('tickets:categoryGone'),
		CreateFailed: key<{ ref: string }>('tickets:createFailed'),
		FieldRequired: key<{ field: string }>('tickets:fieldRequired'),
		FieldLength: key<{ field: string; min: number; max: number }>('tickets:fieldLength'),
		FieldPattern: key<{ field: string }>('tickets:fieldPattern'),
		WelcomeTitle: key<{ number: string; category: string }>('tickets:welcomeTitle'),
		WelcomeBody: key<{ user: string }>('tickets:welcomeBody'),
		WelcomeAnonymous: key('tickets:welcomeAnonymous'),
		WelcomeFooter: key<{ priority: string }>('tickets:welcomeFooter'),
		NoAnswer: key('tickets:noAnswer'),
		NotATicket: key('tickets:notATicket'),
		StaffOnly: key('tickets:staffOnly'),
		WrongState: key<{ status: string }>('tickets:wrongState'),
		Claimed: key<{ user: string }>('tickets:claimed'),
		AlreadyClaimed: key<{ user: string }>('tickets:alreadyClaimed'),
		Unclaimed: key<{ user: string }>('tickets:unclaimed'),
		NotClaimed: key('tickets:notClaimed'),
		NotClaimer: key<{ user: string }>('tickets:notClaimer'),
		ClosedBy: key<{ user: string; reason: string }>('tickets:closedBy'),
		CloseDone: key('tickets:closeDone'),
		OpenerCannotClose: key('tickets:openerCannotClose'),
		ClaimButton: key('tickets:claimButton'),
		CloseButton: key('tickets:closeButton'),
		CloseTitle: key('tickets:closeTitle'),
		CloseReason: key('tickets:closeReason'),
		NoReason: key('tickets:noReason'),
		Locked: key<{ user: string }>('tickets:locked'),
		Unlocked: key<{ user: string }>('tickets:unlocked'),
		AlreadyLocked: key('tickets:alreadyLocked'),
		NotLocked: key('tickets:notLocked'),
		Reopened: key<{ user: string }>('tickets:reopened'),
		UserAdded: key<{ user: string; by: string }>('tickets:userAdded'),
		UserRemoved: key<{ user: string; by: string }>('tickets:userRemoved'),
		AlreadyIn: key<{ user: string }>('tickets:alreadyIn'),
		NotParticipant: key<{ user: string }>('tickets:notParticipant'),
		CannotRemoveOwner: key('tickets:cannotRemoveOwner'),
		NotAMember: key<{ user: string }>('tickets:notAMember'),
		PrioritySet: key<{ priority: string; by: string }>('tickets:prioritySet'),
		TagsSet: key<{ tags: string; by: string }>('tickets:tagsSet'),
		NoteSaved: key('tickets:noteSaved'),
		Transferred: key<{ user: string; previous: string; by: string }>('tickets:transferred'),
		AlreadyOwner: key<{ user: string }>('tickets:alreadyOwner'),
		Renamed: key<{ name: string; by: string }>('tickets:renamed'),
		RenameTooSoon: key<{ minutes: number }>('tickets:renameTooSoon')
	},
	Captcha: {
		Prompt: key<{ attempts: number }>('captcha:prompt'),
		Enter: key('captcha:enter'),
		Title: key('captcha:title'),
		Label: key('captcha:label'),
		Wrong: key<{ left: number }>('captcha:wrong'),
		Expired: key('captcha:expired'),
		Solved: key('captcha:solved'),
		Continue: key('captcha:continue')
	},
	Blacklist: {
		Added: key<{ user: string; hours: number }>('blacklist:added'),
		AddedForever: key<{ user: string }>('blacklist:addedForever'),
		Removed: key<{ user: string }>('blacklist:removed'),
		NotListed: key<{ user: string }>('blacklist:notListed')
	}
} as const;

/** All keys, flattened, for tests and tooling. */
export function allLanguageKeys(tree: object = LanguageKeys): string[] {
	return Object.values(tree).flatMap((value) => (typeof value === 'string' ? [value] : allLanguageKeys(value as object)));
}
