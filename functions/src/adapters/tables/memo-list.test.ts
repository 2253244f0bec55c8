import { describe, expect, it } from 'vitest';
import { memoList } from './memo-list';

/** A load that counts its calls and answers when told to. */
function loader() {
  const pending: { resolve: (v: { n: number }[]) => void; reject: (e: unknown) => void }[] = [];
  let calls = 0;
  const load = () => {
    calls++;
    return new Promise<{ n: number }[]>((resolve, reject) => pending.push({ resolve, reject }));
  };
  return {
    load,
    calls: () => calls,
    answer: (i: number, value: { n: number }[]) => pending[i]!.resolve(value),
    fail: (i: number) => pending[i]!.reject(new Error('storage down')),
  };
}

describe('memoList', () => {
  it('answers from memory until the time is up, then reads again', async () => {
    let now = 0;
    const memo = memoList<{ n: number }>(2000, () => now);
    const l = loader();
    const first = memo.read(l.load);
    l.answer(0, [{ n: 1 }]);
    expect(await first).toEqual([{ n: 1 }]);
    now = 1999;
    expect(await memo.read(l.load)).toEqual([{ n: 1 }]);
    expect(l.calls()).toBe(1);
    now = 2000;
    const again = memo.read(l.load);
    expect(l.calls()).toBe(2);
    l.answer(1, [{ n: 2 }]);
    expect(await again).toEqual([{ n: 2 }]);
  });

  it('counts the age from when the read was sent, not when it came back', async () => {
    let now = 0;
    const memo = memoList<{ n: number }>(2000, () => now);
    const l = loader();
    const first = memo.read(l.load);
    now = 1500;
    l.answer(0, [{ n: 1 }]);
    await first;
    now = 2100;
    void memo.read(l.load);
    expect(l.calls()).toBe(2);
  });

  it('shares one read among callers that ask while it is in flight', async () => {
    const memo = memoList<{ n: number }>(2000, () => 0);
    const l = loader();
    const reads = Array.from({ length: 200 }, () => memo.read(l.load));
    l.answer(0, [{ n: 1 }]);
    const answers = await Promise.all(reads);
    expect(l.calls()).toBe(1);
    expect(answers.every((a) => a === answers[0])).toBe(true);
  });

  it('forgets the list once a write finishes, also a failed one', async () => {
    const memo = memoList<{ n: number }>(60_000, () => 0);
    const l = loader();
    const first = memo.read(l.load);
    l.answer(0, [{ n: 1 }]);
    await first;
    await memo.writing(async () => 'ok');
    const second = memo.read(l.load);
    expect(l.calls()).toBe(2);
    l.answer(1, [{ n: 2 }]);
    expect(await second).toEqual([{ n: 2 }]);
    await expect(
      memo.writing(async () => {
        throw new Error('412');
      }),
    ).rejects.toThrow('412');
    void memo.read(l.load);
    expect(l.calls()).toBe(3);
  });

  it('never keeps a read that was sent before a write finished', async () => {
    const memo = memoList<{ n: number }>(60_000, () => 0);
    const l = loader();
    const before = memo.read(l.load);
    let finish!: () => void;
    const write = memo.writing(() => new Promise<void>((r) => (finish = r)));
    // Sent while the write is under way: it may or may not see it.
    const during = memo.read(l.load);
    finish();
    await write;
    l.answer(0, [{ n: 1 }]);
    expect(await before).toEqual([{ n: 1 }]);
    expect(await during).toEqual([{ n: 1 }]);
    const after = memo.read(l.load);
    expect(l.calls()).toBe(2);
    l.answer(1, [{ n: 2 }]);
    expect(await after).toEqual([{ n: 2 }]);
  });

  it('does not remember a failed read', async () => {
    const memo = memoList<{ n: number }>(60_000, () => 0);
    const l = loader();
    const first = memo.read(l.load);
    l.fail(0);
    await expect(first).rejects.toThrow('storage down');
    const second = memo.read(l.load);
    expect(l.calls()).toBe(2);
    l.answer(1, [{ n: 1 }]);
    expect(await second).toEqual([{ n: 1 }]);
  });

  it('hands out a frozen list: nobody changes it for the others', async () => {
    const memo = memoList<{ n: number }>(60_000, () => 0);
    const l = loader();
    const first = memo.read(l.load);
    l.answer(0, [{ n: 1 }]);
    const list = await first;
    expect(() => {
      (list[0] as { n: number }).n = 5;
    }).toThrow(TypeError);
    expect((await memo.read(l.load))[0]).toEqual({ n: 1 });
  });
});
