// The language switch lives with the other page components; re-exported here for convenience.
export { LanguageSwitch } from '../ui/LanguageSwitch';
