declare module "on-headers" {
  import type { ServerResponse } from "node:http";
  export default function onHeaders<R extends ServerResponse>(response: R, listener: (this: R) => void): void;
}
