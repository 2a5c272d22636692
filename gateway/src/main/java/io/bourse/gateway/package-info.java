/**
 * The order gateway: {@link io.bourse.gateway.GatewayExtension} plugs the binary order-entry acceptor and the admin API
 * into {@code bourse server} (the FIX acceptor plugs in beside it). Shared pieces live here: settings, the command sink
 * and source ids every acceptor publishes with, metrics, and the Netty transport choice. Used by the server and tests.
 */
package io.bourse.gateway;
