/**
 * Journal entries to rows: {@link io.bourse.persistence.projection.EntryProjector} decodes each entry's events (one
 * switch on the template id) into a {@link io.bourse.persistence.projection.Batch} of COPY text and last-state
 * records, with amounts turned into exact decimals by asset scale. No business rules: rows say what the events say.
 * No I/O; the sidecar thread only.
 */
package io.bourse.persistence.projection;
