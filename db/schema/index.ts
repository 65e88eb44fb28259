export * from "./enums";
export * from "./reference";
export * from "./auth";
export * from "./requests";
export * from "./reviews";
export * from "./delivery";
