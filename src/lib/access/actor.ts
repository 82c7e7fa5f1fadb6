/**
 * Who acts, as the access policy sees them. Each surface builds it from what it knows: the chat surface
 * from Discord's member, the web from the login. The guild's own admin roles are not in here: the policy
 * applies them, with the rest of the guild's settings.
 */
export interface Actor {
	readonly userId: string;
	readonly roleIds: readonly string[];
	/** Discord's own admin rights in the guild: its owner, Administrator or Manage Server. */
	readonly isAdmin: boolean;
	/** A bot owner (OWNER_IDS): may change what affects every guild. */
	readonly isOwner: boolean;
	/** Where they act from, when it is not Discord itself: the timeline says so. */
	readonly via?: ActorSurface;
}

export type ActorSurface = 'web' | 'api';

/** Who a timeline entry names as its author, and from where they acted. */
export function entryAuthor(actor: Actor): { actorId: string; via?: ActorSurface } {
	return actor.via ? { actorId: actor.userId, via: actor.via } : { actorId: actor.userId };
}
