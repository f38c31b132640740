/**
 * Portcullis's test kit, for the estate's applications that verify Portcullis tokens with MicroProfile JWT: a test
 * issuer on loopback (its own keys, its JWKS and discovery) minting tokens shaped as Portcullis shapes them, at any
 * time and with the refusals an application must handle; an Arquillian extension that points a deployment's
 * {@code mp.jwt.verify.*} at it, reaches deployments on loopback and fails the tests of a deployment the server
 * refused; an archive builder and an HTTP client for such applications; and the real Portcullis WAR in a Payara
 * Micro process, for tests that need real logins. Built into {@code target/portcullis-testkit.jar} and installed as
 * {@code io.portcullis:portcullis-testkit} with a POM of its own ({@code src/testkit/pom.xml}); never part of the
 * WAR, and it never signs with a running Portcullis's keys.
 */
package portcullis.testkit;
