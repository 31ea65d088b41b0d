import { afterEach, beforeEach, vi, type MockInstance } from 'vitest';

// A stray console.error means something went wrong that no assertion caught.
let spy: MockInstance<typeof console.error> | null = null;
let calls: unknown[][] = [];

beforeEach(() => {
  calls = [];
  spy = vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    calls.push(args);
  });
});

afterEach(() => {
  spy?.mockRestore();
  spy = null;
  if (calls.length > 0) {
    const lines = calls.map((args) => args.map(String).join(' ')).join('\n');
    throw new Error(`console.error was called during the test:\n${lines}`);
  }
});
