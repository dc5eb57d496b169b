import { env } from "./env.server";

// The portal's one clock. Domain code takes `now` as an argument; routes ask here.
export function now(): Date {
  const offsetDays = env().SUARA_CLOCK_OFFSET_DAYS;
  return new Date(Date.now() + offsetDays * 86_400_000);
}
