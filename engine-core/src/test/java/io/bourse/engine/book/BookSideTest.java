package io.bourse.engine.book;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookSideTest
{
    @ParameterizedTest(name = "higherIsBetter={0}")
    @ValueSource(booleans = {true, false})
    void shouldKeepPriceTimePriorityLikeATreeMapOfQueues(final boolean higherIsBetter)
    {
        final long seed = 42L + (higherIsBetter ? 1 : 0);
        final SplittableRandom random = new SplittableRandom(seed);
        final BookSide side = new BookSide(higherIsBetter);
        final TreeMap<Long, ArrayDeque<Order>> model = new TreeMap<>(
            higherIsBetter ? Comparator.<Long>reverseOrder() : Comparator.<Long>naturalOrder());
        final List<Order> resting = new ArrayList<>();
        long nextId = 1;

        for (int step = 0; step < 200_000; step++)
        {
            final boolean add = resting.isEmpty() || random.nextInt(100) < 52;
            if (add)
            {
                final Order order = new Order();
                order.orderId = nextId++;
                // Mostly near a moving centre, sometimes far away: exercises both the scan and the search.
                final long price = random.nextInt(10) < 8 ? 5_000 + random.nextInt(40) : 1 + random.nextInt(10_000);
                order.priceTicks = price;
                side.add(order, price);
                model.computeIfAbsent(price, p -> new ArrayDeque<>()).addLast(order);
                resting.add(order);
            }
            else
            {
                final int index = random.nextInt(100) < 50 ? 0 : random.nextInt(resting.size());
                final Order order = index == 0 ? side.best().head() : resting.get(index);
                side.remove(order);
                final ArrayDeque<Order> queue = model.get(order.priceTicks);
                queue.remove(order);
                if (queue.isEmpty())
                {
                    model.remove(order.priceTicks);
                }
                resting.remove(order);
            }
            if (step % 97 == 0)
            {
                assertSameAs(side, model, "seed " + seed + " step " + step);
            }
        }
        assertSameAs(side, model, "seed " + seed + " end");
    }

    private static void assertSameAs(final BookSide side, final TreeMap<Long, ArrayDeque<Order>> model, final String where)
    {
        assertThat(side.levelCount()).as(where).isEqualTo(model.size());
        int rank = 0;
        int orders = 0;
        for (final Map.Entry<Long, ArrayDeque<Order>> entry : model.entrySet())
        {
            final PriceLevel level = side.levelFromBest(rank++);
            assertThat(level.priceTicks()).as(where).isEqualTo(entry.getKey());
            Order order = level.head();
            for (final Order expected : entry.getValue())
            {
                assertThat(order).as(where).isSameAs(expected);
                order = order.nextInLevel();
                orders++;
            }
            assertThat(order).as(where).isNull();
        }
        assertThat(side.orderCount()).as(where).isEqualTo(orders);
    }
}
