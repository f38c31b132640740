/**
 * Guards on request bodies, before a resource reads them: the size limit, strict JSON and UTF-8, and text fields
 * that must be strings.
 */
package portcullis.bodies;
