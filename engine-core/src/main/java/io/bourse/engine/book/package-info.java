/**
 * Where orders rest: pooled orders in intrusive FIFO price levels, array-backed book sides with the best level at
 * the end, and the per-symbol state (book, pending stops, halt, last price, band and hold arithmetic). Plain
 * single-threaded code owned by the engine thread; no I/O.
 */
package io.bourse.engine.book;
