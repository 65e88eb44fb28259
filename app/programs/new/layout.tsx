import type { ReactNode } from "react";
import { ClientMessages } from "@/components/i18n/client-messages";

export default function Layout({ children }: { children: ReactNode }) {
  return <ClientMessages areas={["awards", "programs"]}>{children}</ClientMessages>;
}
