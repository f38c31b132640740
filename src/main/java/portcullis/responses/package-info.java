/**
 * What every answer carries: the hygiene headers (no caching, no sniffing, no server name), standard reason phrases,
 * and the public documents' own caching and CORS.
 */
package portcullis.responses;
