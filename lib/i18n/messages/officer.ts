import { defineMessages } from "../define";

export const officer = defineMessages({
  en: {},
  es: {},
});
