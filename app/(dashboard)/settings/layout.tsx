import { SettingsTabs } from "./settings-tabs";

/** People & settings and Payment rails: admin pages (each page checks), one tab row above both. */
export default function SettingsLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SettingsTabs />
      {children}
    </>
  );
}
