// The request header in which proxy.ts passes the requested path (and query) on to the pages, so that a page
// that finds nobody signed in can send them to sign in and bring them back. Its own module: the proxy must
// not import the database code of current-member.ts.
export const REQUESTED_PATH_HEADER = "x-pinit-path";
