/** The Actuator health indicator for the Kubernetes API server ({@code /readyz}). */
package dev.kubeclient.autoconfigure.health;
