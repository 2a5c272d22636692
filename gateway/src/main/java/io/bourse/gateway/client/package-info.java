/**
 * A client of the binary order-entry protocol ({@link io.bourse.gateway.client.BinaryClient}), for tests, the load
 * generator and the demo: connect, log on, send orders, receive execution reports through a listener.
 */
package io.bourse.gateway.client;
