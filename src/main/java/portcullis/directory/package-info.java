/**
 * The corporate directory (LDAP, Active Directory): passwords checked by binding as the user, over TLS only, with a
 * pool of service-account connections for searches; directory groups mapped to token groups and organisations;
 * shadow accounts kept in step at every login. Off unless {@code portcullis.directory.urls} names a server.
 */
package portcullis.directory;
