/**
 * Integrations: the catalogue of third-party services administrators maintain, the ones each user enabled (the
 * Edumaps {@code integrations}), and integration tokens, whose audience is the service. Disabling a service revokes
 * every token it holds.
 */
package portcullis.integrations;
