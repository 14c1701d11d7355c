/** The listener that sees every request, retry, rate-limiter wait, exec-plugin run and watch of one client. */
package dev.kubeclient.observation;
