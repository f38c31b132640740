/**
 * What Portcullis adds to Payara Micro itself, outside the WAR: a jar in {@code target/server-lib} that the run
 * command, the cluster script and the tests give Payara Micro with {@code --addlibs}. Compiled against Payara's own
 * web container (its {@code web-core.jar}), never deployed with the application.
 */
package portcullis.payara;
