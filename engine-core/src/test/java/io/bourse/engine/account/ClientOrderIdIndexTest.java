package io.bourse.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.bourse.engine.book.Order;

class ClientOrderIdIndexTest
{
    @Test
    void shouldFindExactlyTheIndexedOrdersThroughGrowthAndDeletes()
    {
        final SplittableRandom random = new SplittableRandom(11);
        final ClientOrderIdIndex index = new ClientOrderIdIndex(4);
        final Map<List<Long>, Order> model = new HashMap<>();
        final List<Order> indexed = new ArrayList<>();
        for (int step = 0; step < 200_000; step++)
        {
            // A small key space makes collisions of (account, id) pairs and long probe runs common.
            final long account = random.nextInt(20);
            final long w0 = random.nextInt(50);
            final long w1 = random.nextInt(3);
            final List<Long> key = List.of(account, w0, w1, 0L, 0L);
            if (random.nextInt(100) < 55 && !model.containsKey(key))
            {
                final Order order = new Order();
                order.accountId = account;
                order.clientOrderId0 = w0;
                order.clientOrderId1 = w1;
                // As the engine does: look the id up (a miss), then add; sometimes with a removal in between,
                // which must not leave the new entry unreachable.
                assertThat(index.find(account, w0, w1, 0, 0)).isNull();
                if (!indexed.isEmpty() && random.nextInt(4) == 0)
                {
                    final Order removed = indexed.remove(random.nextInt(indexed.size()));
                    index.remove(removed);
                    model.remove(List.of(removed.accountId, removed.clientOrderId0, removed.clientOrderId1, 0L, 0L));
                }
                index.add(order);
                model.put(key, order);
                indexed.add(order);
            }
            else if (!indexed.isEmpty())
            {
                final Order order = indexed.remove(random.nextInt(indexed.size()));
                index.remove(order);
                model.remove(List.of(order.accountId, order.clientOrderId0, order.clientOrderId1, 0L, 0L));
            }
            assertThat(index.find(account, w0, w1, 0, 0)).as("step %d", step).isSameAs(model.get(key));
            assertThat(index.size()).isEqualTo(model.size());
        }
        for (final Map.Entry<List<Long>, Order> entry : model.entrySet())
        {
            final List<Long> k = entry.getKey();
            assertThat(index.find(k.get(0), k.get(1), k.get(2), 0, 0)).isSameAs(entry.getValue());
        }
    }
}
