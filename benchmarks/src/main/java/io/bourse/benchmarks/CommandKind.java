package io.bourse.benchmarks;

/** What a command of the mixed stream does, as the generator intended it. */
enum CommandKind
{
    PLACE_NEAR("place, near touch", false),
    PLACE_DEEP("place, deep book", false),
    CANCEL_NEAR("cancel, near touch", false),
    CANCEL_DEEP("cancel, deep book", false),
    AMEND_PRICE("amend price (+-1..2 ticks)", false),
    AMEND_QTY("amend qty down", false),
    TAKE_IOC_LIMIT("taker: IOC limit", true),
    TAKE_MARKET("taker: market IOC", true),
    TAKE_CROSSING_GTC("taker: crossing GTC limit", true);

    final String label;
    final boolean taker;

    CommandKind(final String label, final boolean taker)
    {
        this.label = label;
        this.taker = taker;
    }
}
