/** Lets other work (interactions, heartbeats) run before a long job goes on. */
export const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));
