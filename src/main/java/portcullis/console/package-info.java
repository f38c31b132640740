/**
 * The admin console at {@code /admin/}: static HTML, CSS and JavaScript modules in the WAR (under
 * {@code src/main/webapp/admin}) that call the audited admin API; this package adds the headers that keep it safe.
 */
package portcullis.console;
