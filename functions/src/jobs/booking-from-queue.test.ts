import { describe, expect, it } from 'vitest';
import type { BookingQueue } from '../ports/booking-queue';
import { ThrottledError } from '../ports/throttled';
import { bookFromQueue } from './booking';

function recordingQueue() {
  const sent: { pairId: string; delaySeconds?: number }[] = [];
  const queue: BookingQueue = {
    async enqueue(pairId, options) {
      sent.push({ pairId, delaySeconds: options?.delaySeconds });
    },
  };
  return { queue, sent };
}

describe('a pair taken from the booking queue', () => {
  it('is booked and nothing is queued again', async () => {
    const { queue, sent } = recordingQueue();
    const booked: string[] = [];
    const result = await bookFromQueue('p1', { book: async (id) => booked.push(id), queue });
    expect(result).toEqual({});
    expect(booked).toEqual(['p1']);
    expect(sent).toEqual([]);
  });

  it('is handed back for Graph’s wait when Graph throttles, without failing the message', async () => {
    const { queue, sent } = recordingQueue();
    const result = await bookFromQueue('p2', {
      book: async () => {
        throw new ThrottledError(240);
      },
      queue,
    });
    expect(result).toEqual({ handedBackForSeconds: 240 });
    expect(sent).toEqual([{ pairId: 'p2', delaySeconds: 240 }]);
  });

  it('lets any other failure reach the trigger, which retries and then sets it aside', async () => {
    const { queue, sent } = recordingQueue();
    await expect(
      bookFromQueue('p3', {
        book: async () => {
          throw new Error('Graph is down');
        },
        queue,
      }),
    ).rejects.toThrow('Graph is down');
    expect(sent).toEqual([]);
  });
});
