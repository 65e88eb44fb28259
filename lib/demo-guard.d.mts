export function isLoopbackUrl(url: string): boolean;
export function demoModeRefusal(env: Record<string, string | undefined>): string | null;
