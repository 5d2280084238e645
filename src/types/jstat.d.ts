// jstat ships no types; this declares the part the evaluation statistics use. It is CommonJS: under
// Node's ESM loader only its default export exists (a named `{ jStat }` import works in Vitest only).
declare module 'jstat' {
  const jStat: {
    studentt: { inv(p: number, dof: number): number; cdf(x: number, dof: number): number };
  };
  export default jStat;
}
