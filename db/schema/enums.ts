import { pgEnum } from "drizzle-orm/pg-core";
import { ASSISTANCE_CATEGORIES, LOCALES, ORGANIZATION_TYPES, REGIONS, ROLES } from "../../lib/enums";

export const roleEnum = pgEnum("role", ROLES);
export const assistanceCategoryEnum = pgEnum("assistance_category", ASSISTANCE_CATEGORIES);
export const organizationTypeEnum = pgEnum("organization_type", ORGANIZATION_TYPES);
export const localeEnum = pgEnum("locale", LOCALES);
export const regionEnum = pgEnum("region", REGIONS);
