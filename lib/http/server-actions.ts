// The largest server-action body the portal takes (files go through the upload routes, not actions).
// next.config.ts gives it to Next.js (serverActions.bodySizeLimit); proxy.ts refuses larger bodies first.
export const SERVER_ACTION_BODY_LIMIT_BYTES = 1024 * 1024;
