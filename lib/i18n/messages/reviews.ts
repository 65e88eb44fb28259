import { defineMessages } from "../define";

export const reviews = defineMessages({
  en: {},
  es: {},
});
