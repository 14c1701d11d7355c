/** Credentials: token sources (fixed, file, exec plugin, OIDC), client certificates, PEM parsing. */
package dev.kubeclient.auth;
