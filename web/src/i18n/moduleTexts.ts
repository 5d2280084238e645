/**
 * For modules that register their own texts (needs, plans, quality): every
 * dotted path to a text of the module's catalogue, so `tn('table.unitt')` fails
 * `tsc` just as a misspelt key of the shared catalogue does.
 */
export type Leaves<T, Prefix extends string = ''> = {
  [K in keyof T & string]: T[K] extends string ? `${Prefix}${K}` : Leaves<T[K], `${Prefix}${K}.`>;
}[keyof T & string];

/** i18next's `t` for keys registered at run time, which its static key type does not know. */
export type LooseT = (key: string, options?: Record<string, unknown>) => string;
