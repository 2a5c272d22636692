/**
 * The order gateway: {@link io.bourse.gateway.GatewayExtension} plugs the binary order-entry acceptor and the admin API
 * into {@code bourse server} (the FIX acceptor plugs in beside it). Shared pieces live here: settings, the command sink
 * and source ids every acceptor publishes with, metrics, the Netty transport choice, and the engine's open orders
 * ({@link io.bourse.gateway.OpenOrders}) that both acceptors' report caches start from, so orders placed before a
 * restart are reported in full. Used by the server and tests.
 */
package io.bourse.gateway;
