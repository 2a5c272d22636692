/**
 * The binary order-entry protocol: SBE messages (schema {@code sbe/bourse-order-entry.xml}, id 7302) in SOFH frames over
 * TCP. {@link io.bourse.gateway.binary.BinaryServer} accepts connections; each is a session that logs on, publishes its
 * account's orders into the engine ring, and receives execution reports routed from the reply stage. Internal to the
 * gateway except the server, the framing helpers and the frame listener the client library reuses.
 */
package io.bourse.gateway.binary;
