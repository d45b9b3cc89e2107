// The engine's rebase (engine/overlay/rebase.ts), the one `blankett overlay apply --base` runs. It is
// not exported from @blankett/engine/overlay yet; until it is, the studio reaches it here, in one place.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
export { rebaseOverlay } from "../../../engine/overlay/rebase.ts";
