"use client";

import type { ReactNode, Ref } from "react";
import { parseDate, type CalendarDate } from "@internationalized/date";
import { Button, Calendar, CalendarCell, CalendarGrid, DateInput, DatePicker, DateSegment, Dialog, Group, Heading, I18nProvider as AriaLocale, Popover } from "react-aria-components";
import { useI18n } from "@/components/i18n/i18n-provider";
import { AriaFieldError, AriaFieldHead } from "./aria-field-parts";
import { useFocusHandle, type FocusHandle } from "./focus-handle";

// The React Aria date picker behind DateField (date-field.tsx), in a module of its own so that the pages
// with a date field do not wait for it: it is loaded after the page has hydrated.
export interface DateFieldProps {
  label: ReactNode;
  /** yyyy-mm-dd, or "" for none: `{...field}` from a Controller fits. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<FocusHandle>;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  /** yyyy-mm-dd bounds. */
  min?: string;
  max?: string;
}

/** A string that is not a date shows as empty rather than throwing (the schema reports it). */
function toDate(value: string | undefined): CalendarDate | null {
  if (!value) return null;
  try {
    return parseDate(value);
  } catch {
    return null;
  }
}

/**
 * A date typed by segments in the user's language or picked from a calendar; the value in and out is
 * an ISO yyyy-mm-dd string (what our schemas parse), and `name` sends the same string in a form.
 */
export function DatePickerField({ label, value, onChange, onBlur, name, ref, hint, error, required, disabled, min, max }: DateFieldProps) {
  const { t, locale } = useI18n();
  const root = useFocusHandle<HTMLDivElement>(ref, "[role=spinbutton]");
  return (
    <AriaLocale locale={locale}>
      <DatePicker
        ref={root}
        className="field"
        name={name}
        value={toDate(value)}
        onChange={(date) => onChange(date ? date.toString() : "")}
        onBlur={onBlur}
        isInvalid={Boolean(error)}
        isRequired={required}
        isDisabled={disabled}
        minValue={toDate(min) ?? undefined}
        maxValue={toDate(max) ?? undefined}
        granularity="day"
      >
        <AriaFieldHead label={label} required={required} hint={hint} />
        <Group className="ui-date-group">
          <DateInput className="ui-date-input">{(segment) => <DateSegment className="ui-date-segment" segment={segment} />}</DateInput>
          <Button aria-label={t("ui.date.openCalendar")}>▦</Button>
        </Group>
        <AriaFieldError error={error} />
        <Popover className="ui-popover">
          <Dialog className="ui-calendar">
            <Calendar>
              <header>
                <Button slot="previous" className="btn">
                  ‹
                </Button>
                <Heading />
                <Button slot="next" className="btn">
                  ›
                </Button>
              </header>
              <CalendarGrid>{(date) => <CalendarCell className="ui-calendar-cell" date={date} />}</CalendarGrid>
            </Calendar>
          </Dialog>
        </Popover>
      </DatePicker>
    </AriaLocale>
  );
}
