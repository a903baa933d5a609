/** A URL parameter as one of a closed list of values, or undefined when absent or unknown. */
export const oneOf = <V extends string>(values: readonly V[], raw: string | null): V | undefined =>
  values.find((v) => v === raw);
