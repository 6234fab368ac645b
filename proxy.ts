import { withAuth } from "next-auth/middleware";
import type { NextFetchEvent } from "next/server";
import type { NextRequestWithAuth } from "next-auth/middleware";

/** Every dashboard page needs a session; the API authenticates itself (keys or session). */
const guard = withAuth({ pages: { signIn: "/sign-in" } });

export default function proxy(req: NextRequestWithAuth, ev: NextFetchEvent) {
  return guard(req, ev);
}

export const config = {
  matcher: ["/((?!api/|_next/|sign-in|favicon.ico|robots.txt).*)"],
};
