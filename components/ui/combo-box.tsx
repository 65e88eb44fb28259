"use client";

import { Button, ComboBox as RacComboBox, Group, Input, ListBox, ListBoxItem, Popover } from "react-aria-components";
import { useI18n } from "@/components/i18n/i18n-provider";
import { AriaFieldError, AriaFieldHead } from "./aria-field-parts";
import { useFocusHandle } from "./focus-handle";
import type { Option } from "./native-select";
import type { SelectProps } from "./select";

/** The same props as Select, without a placeholder (the input shows what is typed). */
export type ComboBoxProps = Omit<SelectProps, "placeholder">;

/** A choice from a long list, found by typing (filters as you type; only listed values can be chosen). */
export function ComboBox({ label, options, value, onChange, onBlur, name, ref, hint, error, required, disabled }: ComboBoxProps) {
  const { t } = useI18n();
  const root = useFocusHandle<HTMLDivElement>(ref, "input");
  return (
    <RacComboBox
      ref={root}
      className="field"
      name={name}
      formValue="key"
      selectedKey={value || null}
      onSelectionChange={(key) => onChange(key == null ? "" : String(key))}
      onBlur={onBlur}
      isInvalid={Boolean(error)}
      isRequired={required}
      isDisabled={disabled}
      defaultItems={options.map((o) => ({ id: o.value, ...o }))}
      menuTrigger="focus"
      // Without it the list closes when nothing matches, and "no matching option" is never shown.
      allowsEmptyCollection
    >
      <AriaFieldHead label={label} required={required} hint={hint} />
      <Group className="ui-input-group">
        <Input />
        <Button aria-label={t("ui.select.showOptions")}>▾</Button>
      </Group>
      <AriaFieldError error={error} />
      <Popover className="ui-popover">
        <ListBox className="ui-listbox" renderEmptyState={() => <p className="ui-option muted">{t("ui.select.noResults")}</p>}>
          {(item: Option & { id: string }) => (
            <ListBoxItem className="ui-option" id={item.id} textValue={item.label}>
              {item.label}
            </ListBoxItem>
          )}
        </ListBox>
      </Popover>
    </RacComboBox>
  );
}
