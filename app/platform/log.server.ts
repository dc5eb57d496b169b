import pino from "pino";
import { env } from "./env.server";

// The portal's structured log (JSON lines on stdout), one named child per concern ("suara-mail", …).
const loggers = new Map<string, pino.Logger>();

export function logger(name: string): pino.Logger {
  let found = loggers.get(name);
  if (!found) {
    found = pino({ name, level: env().LOG_LEVEL });
    loggers.set(name, found);
  }
  return found;
}
