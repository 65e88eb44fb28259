// The limits and currencies of a program, with no zod: the forms read them before
// zod has loaded (schema.ts builds the schemas from them and re-exports them).

export const PROGRAM_LIMITS = {
  keyMin: 2,
  keyMax: 40,
  nameMin: 3,
  nameMax: 200,
  ceilingMaxMajor: 10_000_000_000, // USD 10 billion
  donorsMax: 10,
  rubricMin: 1,
  rubricMax: 10,
  weightMin: 1,
  weightMax: 100,
} as const;

export const PROGRAM_CURRENCIES = ["USD"] as const;
