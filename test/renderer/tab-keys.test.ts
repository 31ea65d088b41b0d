import { describe, expect, it } from 'vitest';
import { tabIndexAfterKey } from '../../renderer/components/tab-keys';

describe('Given the side panel’s tab list has the focus', () => {
  it('When an arrow key is pressed, Then the neighbouring tab is chosen, wrapping at the ends', () => {
    expect(tabIndexAfterKey('ArrowRight', 0, 2)).toBe(1);
    expect(tabIndexAfterKey('ArrowRight', 1, 2)).toBe(0);
    expect(tabIndexAfterKey('ArrowLeft', 0, 2)).toBe(1);
    expect(tabIndexAfterKey('ArrowDown', 0, 3)).toBe(1);
    expect(tabIndexAfterKey('ArrowUp', 2, 3)).toBe(1);
  });

  it('When Home or End is pressed, Then the first or last tab is chosen', () => {
    expect(tabIndexAfterKey('Home', 2, 3)).toBe(0);
    expect(tabIndexAfterKey('End', 0, 3)).toBe(2);
  });

  it('When another key is pressed, or there are no tabs, Then the tabs leave it alone', () => {
    expect(tabIndexAfterKey('Enter', 0, 2)).toBeNull();
    expect(tabIndexAfterKey('a', 0, 2)).toBeNull();
    expect(tabIndexAfterKey('ArrowRight', 0, 0)).toBeNull();
  });
});
