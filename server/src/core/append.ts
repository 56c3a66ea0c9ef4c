// `target.push(...source)` passes every element as an argument, and a few hundred thousand of them (the
// findings of a huge file, the tokens of a big imported file, the words of an absurd line) exceed the
// engine's stack. Lists whose size the user's input decides are appended with this loop instead.

export function appendAll<T>(target: T[], source: readonly T[]): void {
  for (let i = 0; i < source.length; i++) target.push(source[i]!);
}
