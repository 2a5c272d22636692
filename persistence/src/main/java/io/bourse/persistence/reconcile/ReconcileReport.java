package io.bourse.persistence.reconcile;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The result of a reconciliation: one line per check, PASS or FAIL, with the first mismatches of each failed check.
 * Built by one thread.
 */
public final class ReconcileReport
{
    /** Mismatches listed per check; the rest are only counted. */
    static final int MAX_DETAILS = 10;

    private final List<Check> checks = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    /** Starts a check; add mismatches to the returned object. */
    Check check(final String name)
    {
        final Check check = new Check(name);
        checks.add(check);
        return check;
    }

    void note(final String note)
    {
        notes.add(note);
    }

    public boolean passed()
    {
        return checks.stream().allMatch(check -> check.mismatches == 0);
    }

    public List<Check> checks()
    {
        return checks;
    }

    public void print(final PrintStream out)
    {
        for (final String note : notes)
        {
            out.println(note);
        }
        for (final Check check : checks)
        {
            out.printf("%-4s %s%s%n", check.mismatches == 0 ? "PASS" : "FAIL", check.name,
                check.mismatches == 0 ? " (" + check.compared + " compared)" : " (" + check.mismatches + " of " + check.compared + " differ)");
            for (final String detail : check.details)
            {
                out.println("       " + detail);
            }
            if (check.mismatches > check.details.size())
            {
                out.println("       ... " + (check.mismatches - check.details.size()) + " more");
            }
        }
        out.println(passed() ? "PASS" : "FAIL");
    }

    /** One check: how many items were compared and which differed. */
    public static final class Check
    {
        private final String name;
        private final List<String> details = new ArrayList<>();
        private long compared;
        private long mismatches;

        Check(final String name)
        {
            this.name = name;
        }

        void compared()
        {
            compared++;
        }

        void mismatch(final String detail)
        {
            mismatches++;
            if (details.size() < MAX_DETAILS)
            {
                details.add(detail);
            }
        }

        public String name()
        {
            return name;
        }

        public long mismatches()
        {
            return mismatches;
        }

        public long comparedCount()
        {
            return compared;
        }
    }
}
