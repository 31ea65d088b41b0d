import { describe, expect, it } from 'vitest';
import { readStoredChoice, writeStoredChoice } from '../../renderer/map/tools/use-stored-choice';

const CHOICES = ['night', 'day'] as const;

function memoryStorage(initial: Record<string, string> = {}): Storage {
  const values = new Map(Object.entries(initial));
  return {
    get length() {
      return values.size;
    },
    clear: () => values.clear(),
    getItem: (key) => values.get(key) ?? null,
    key: (index) => [...values.keys()][index] ?? null,
    removeItem: (key) => void values.delete(key),
    setItem: (key, value) => void values.set(key, value),
  };
}

function failingStorage(): Storage {
  const fail = (): never => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  };
  return { length: 0, clear: fail, getItem: fail, key: fail, removeItem: fail, setItem: fail };
}

describe('Given a remembered choice', () => {
  it('When one of the choices was stored, Then it is read back', () => {
    expect(readStoredChoice(memoryStorage({ theme: 'day' }), 'theme', CHOICES, 'night')).toBe('day');
  });

  it('When nothing, or something that is not a choice, was stored, Then the fallback is used', () => {
    expect(readStoredChoice(memoryStorage(), 'theme', CHOICES, 'night')).toBe('night');
    expect(readStoredChoice(memoryStorage({ theme: 'sepia' }), 'theme', CHOICES, 'night')).toBe('night');
  });

  it('When a choice is written, Then the next read finds it', () => {
    const storage = memoryStorage();
    writeStoredChoice(storage, 'theme', 'day');
    expect(readStoredChoice(storage, 'theme', CHOICES, 'night')).toBe('day');
  });

  it('When storage is missing or refuses, Then reading falls back and writing is skipped without an error', () => {
    expect(readStoredChoice(null, 'theme', CHOICES, 'night')).toBe('night');
    expect(readStoredChoice(failingStorage(), 'theme', CHOICES, 'night')).toBe('night');
    expect(() => writeStoredChoice(failingStorage(), 'theme', 'day')).not.toThrow();
    expect(() => writeStoredChoice(null, 'theme', 'day')).not.toThrow();
  });
});
