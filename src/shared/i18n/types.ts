/** The same keys with other words: what every other language must give. */
export type Texts<T> = { [K in keyof T]: T[K] extends string ? string : Texts<T[K]> }
