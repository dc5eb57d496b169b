import type { NextFunction, Request, Response } from "express";
import onHeaders from "on-headers";
import { securityHeaders } from "../app/http/security-headers";

/** Express middleware: the portal's security headers on every answer, set just before the headers go out. */
export function securityHeadersMiddleware(request: Request, response: Response, next: NextFunction): void {
  onHeaders(response, function setSecurityHeaders(this: Response) {
    const headers = securityHeaders({
      pathname: request.path,
      secure: request.secure,
      header: (name) => {
        const value = this.getHeader(name);
        return value === undefined ? undefined : String(value);
      },
    });
    for (const [name, value] of Object.entries(headers)) this.setHeader(name, value);
  });
  next();
}
