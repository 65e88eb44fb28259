"use client";

import type { ReactNode, Ref } from "react";
import { Button, ListBox, ListBoxItem, Popover, Select as RacSelect, SelectValue } from "react-aria-components";
import { useI18n } from "@/components/i18n/i18n-provider";
import { AriaFieldError, AriaFieldHead } from "./aria-field-parts";
import { useFocusHandle, type FocusHandle } from "./focus-handle";
import type { Option } from "./native-select";

export interface SelectProps {
  label: ReactNode;
  options: readonly Option[];
  /** The chosen value ("" for none): `{...field}` from a Controller fits. */
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  name?: string;
  ref?: Ref<FocusHandle>;
  hint?: ReactNode;
  error?: string;
  required?: boolean;
  disabled?: boolean;
  placeholder?: string;
}

/** A styled single choice from a list (React Aria: typeahead, keyboard, screen readers); sends `name` in a form. */
export function Select({ label, options, value, onChange, onBlur, name, ref, hint, error, required, disabled, placeholder }: SelectProps) {
  const { t } = useI18n();
  const root = useFocusHandle<HTMLDivElement>(ref, "button");
  return (
    <RacSelect
      ref={root}
      className="field"
      name={name}
      selectedKey={value || null}
      onSelectionChange={(key) => onChange(key == null ? "" : String(key))}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isRequired={required}
      isDisabled={disabled}
      placeholder={placeholder ?? t("ui.select.placeholder")}
    >
      <AriaFieldHead label={label} required={required} hint={hint} />
      <Button className="ui-select-button">
        <SelectValue />
        <span aria-hidden="true">▾</span>
      </Button>
      <AriaFieldError error={error} />
      <Popover className="ui-popover">
        <ListBox className="ui-listbox" items={options.map((o) => ({ id: o.value, ...o }))}>
          {(item) => (
            <ListBoxItem className="ui-option" id={item.id} textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </RacSelect>
  );
}
