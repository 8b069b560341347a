/**
 * Reads until `done` holds or `ms` have passed, and answers the last value read (the caller's assertion then says what
 * was expected): for what the job runner does a moment after a request.
 */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 30000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
}
