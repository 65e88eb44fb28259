import { afterEach, describe, expect, it, vi } from "vitest";
import { register } from "./instrumentation";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

function stopAtExit() {
  const exit = vi.spyOn(process, "exit").mockImplementation(() => {
    throw new Error("exited");
  });
  const error = vi.spyOn(console, "error").mockImplementation(() => {});
  return { exit, error };
}

describe("register", () => {
  it("refuses to start on a bad setting, naming each bad variable", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "two");
    vi.stubEnv("DATABASE_POOL_MAX", "0");
    const { exit, error } = stopAtExit();
    await expect(register()).rejects.toThrow("exited");
    expect(exit).toHaveBeenCalledWith(1);
    expect(error).toHaveBeenCalledTimes(1);
    const message = String(error.mock.calls[0][0]);
    expect(message).toMatch(/TRUSTED_PROXY_HOPS must be a whole number from 0 to 10/);
    expect(message).toMatch(/DATABASE_POOL_MAX must be a whole number of at least 1/);
  });

  it("keeps the demo guard: demo mode with a public AUTH_URL does not start", async () => {
    vi.stubEnv("NEXT_RUNTIME", "nodejs");
    vi.stubEnv("DEMO_MODE", "1");
    vi.stubEnv("AUTH_URL", "https://portal.example.org");
    const { exit, error } = stopAtExit();
    await expect(register()).rejects.toThrow("exited");
    expect(exit).toHaveBeenCalledWith(1);
    expect(String(error.mock.calls[0][0])).toMatch(/^Refusing to start: demo mode/);
  });

  it("throws the same message in the edge runtime, which has no process.exit", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    vi.stubEnv("AUTH_URL", "portal.example.org");
    await expect(register()).rejects.toThrow(/AUTH_URL must be an absolute http:\/\/ or https:\/\/ URL/);
  });

  it("starts nothing in the edge runtime when the settings are good", async () => {
    vi.stubEnv("NEXT_RUNTIME", "edge");
    vi.stubEnv("TRUSTED_PROXY_HOPS", "1");
    await expect(register()).resolves.toBeUndefined();
  });
});
