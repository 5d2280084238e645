import { describe, expect, it } from 'vitest';
import { orderTodo, type TodoItem } from './todo.js';

const item = (key: string, count: number, dueOn: string | null): TodoItem => ({ key, count, link: '/', dueOn });

describe('orderTodo', () => {
  it('drops what has nothing due and lists the nearest deadline first, undated last', () => {
    const ordered = orderTodo([
      item('b.undated', 2, null),
      item('a.later', 1, '2026-03-10'),
      item('c.none', 0, '2026-01-01'),
      item('d.sooner', 4, '2026-02-01'),
    ]);
    expect(ordered.map((i) => i.key)).toEqual(['d.sooner', 'a.later', 'b.undated']);
  });

  it('orders items without a deadline by key, so the list does not jump between visits', () => {
    expect(orderTodo([item('z', 1, null), item('a', 1, null)]).map((i) => i.key)).toEqual(['a', 'z']);
  });
});
