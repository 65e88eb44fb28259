import { defineMessages } from "../define";

export const awards = defineMessages({
  en: {},
  es: {},
});
