/**
 * The sidecar loop ({@link io.bourse.persistence.sidecar.SidecarAgent}): tail the journal from the stored checkpoint,
 * batch, commit, and on a lost database back off, reconnect and resume from the checkpoint. Runs on one thread; stats
 * and stop requests may come from others.
 */
package io.bourse.persistence.sidecar;
