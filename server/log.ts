import pino from "pino";

/** The server's JSON-lines log on stdout (pino), at LOG_LEVEL. */
export function serverLogger(): pino.Logger {
  const level = process.env.LOG_LEVEL || "info";
  return pino({ name: "suara", level: pino.levels.values[level] !== undefined || level === "silent" ? level : "info" });
}
