/** The keys of `R` whose values are text, or absent. */
type TextKeys<R> = { [K in keyof R]: R[K] extends string | null | undefined ? K : never }[keyof R];

/**
 * A saved record's text fields as a form's inputs: each value as it is, '' where it is null or
 * where there is no record yet (a new brand, a new deal).
 */
export function textInputs<R extends object, K extends TextKeys<R>>(
  record: R | null,
  keys: readonly K[],
): Record<K, string> {
  const inputs = {} as Record<K, string>;
  for (const key of keys) inputs[key] = (record?.[key] as string | null | undefined) ?? '';
  return inputs;
}
