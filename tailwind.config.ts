import type { Config } from "tailwindcss";

/**
 * Tailwind 4 reads its theme from app/globals.css (@theme); this file is loaded there with
 * @config for the few settings that still live in JS: where class names are found.
 */
const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  darkMode: "media",
};

export default config;
