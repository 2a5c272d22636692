package io.bourse.engine.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import io.bourse.engine.state.StateHasher;

class ExternalRefSetTest
{
    @Test
    void shouldRememberEveryReferenceAndSummariseIndependentlyOfOrder()
    {
        final SplittableRandom random = new SplittableRandom(3);
        final ExternalRefSet set = new ExternalRefSet();
        final Set<List<Long>> model = new HashSet<>();
        long digestSum = 0;
        for (int step = 0; step < 100_000; step++)
        {
            final long w0 = random.nextInt(30_000);
            final long w3 = random.nextInt(2);
            final boolean known = model.contains(List.of(w0, w3));
            assertThat(set.contains(w0, 0, 0, w3)).as("step %d", step).isEqualTo(known);
            if (!known)
            {
                set.add(w0, 0, 0, w3);
                model.add(List.of(w0, w3));
                digestSum += StateHasher.digest(w0, 0, 0, w3);
            }
        }
        assertThat(set.size()).isEqualTo(model.size());
        assertThat(set.digestSum()).isEqualTo(digestSum);
        final int[] visited = {0};
        set.forEach((w0, w1, w2, w3) ->
        {
            assertThat(model.contains(List.of(w0, w3))).isTrue();
            visited[0]++;
        });
        assertThat(visited[0]).isEqualTo(model.size());
    }
}
