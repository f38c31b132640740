/** How values are stored, where the JPA provider's own mapping is not portable. */
package portcullis.database;
