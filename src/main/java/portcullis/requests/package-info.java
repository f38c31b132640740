/**
 * Requests refused before any resource sees them: credentials in a URL, and methods other than reading outside the
 * API (a JSON 405).
 */
package portcullis.requests;
