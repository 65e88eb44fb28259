import { defineMessages } from "../define";

export const email = defineMessages({
  en: {},
  es: {},
});
