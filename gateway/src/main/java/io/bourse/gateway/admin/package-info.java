/**
 * The admin HTTP/JSON API on loopback, behind a bearer token: accounts and their API secrets, deposits and withdrawals
 * in exact decimal amounts, halts, snapshots, balances, open orders, book depth, health and Prometheus metrics. Used by
 * operators and the load generator.
 */
package io.bourse.gateway.admin;
