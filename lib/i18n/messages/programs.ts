import { defineMessages } from "../define";

export const programs = defineMessages({
  en: {},
  es: {},
});
