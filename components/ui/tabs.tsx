"use client";

import type { ReactNode } from "react";
import { Tab, TabList, TabPanel, Tabs as RacTabs } from "react-aria-components";

export interface TabItem {
  id: string;
  label: ReactNode;
  content: ReactNode;
}

/**
 * Sections of one page shown one at a time (React Aria: arrow keys move between tabs, the panel is
 * labelled by its tab). For tabs that are separate pages, use TabLinks.
 */
export function Tabs({ label, tabs, defaultSelected, selected, onSelect }: { label: string; tabs: readonly TabItem[]; defaultSelected?: string; selected?: string; onSelect?: (id: string) => void }) {
  return (
    <RacTabs defaultSelectedKey={defaultSelected} selectedKey={selected} onSelectionChange={onSelect ? (key) => onSelect(String(key)) : undefined}>
      <TabList aria-label={label} className="ui-tab-list">
        {tabs.map((tab) => (
          <Tab key={tab.id} id={tab.id} className="ui-tab">
            {tab.label}
          </Tab>
        ))}
      </TabList>
      {tabs.map((tab) => (
        <TabPanel key={tab.id} id={tab.id}>
          {tab.content}
        </TabPanel>
      ))}
    </RacTabs>
  );
}
