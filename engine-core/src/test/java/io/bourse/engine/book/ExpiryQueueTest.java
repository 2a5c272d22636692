package io.bourse.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.PriorityQueue;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class ExpiryQueueTest
{
    @Test
    void shouldPollByExpireTimeThenOrderIdLikeAPriorityQueue()
    {
        final SplittableRandom random = new SplittableRandom(7);
        final ExpiryQueue queue = new ExpiryQueue();
        final PriorityQueue<long[]> model = new PriorityQueue<>(
            (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
        long nextId = 1;
        for (int step = 0; step < 300_000; step++)
        {
            if (model.isEmpty() || random.nextBoolean())
            {
                final long time = random.nextInt(1_000);
                final long id = random.nextInt(4) == 0 ? nextId : nextId++;
                queue.add(time, id);
                model.add(new long[] {time, id});
            }
            else
            {
                final long[] expected = model.poll();
                assertThat(queue.peekTimeNs()).as("step %d", step).isEqualTo(expected[0]);
                assertThat(queue.peekOrderId()).as("step %d", step).isEqualTo(expected[1]);
                queue.poll();
            }
            assertThat(queue.isEmpty()).isEqualTo(model.isEmpty());
        }
    }
}
