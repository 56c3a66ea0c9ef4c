// Small list helpers for the directive setups, which run once per directive of every server block: a
// large Corefile runs them tens of thousands of times, so the memory of each small list adds up.

/**
 * Appends item to list, starting the list with the first item. An empty array literal reserves room for
 * seventeen elements on its first push, while a one-element literal holds exactly one; the lists built
 * this way (a block's forward stanzas, its log rules) nearly always end with a single element.
 */
export function appendOrStart<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}
