/**
 * Portcullis's test kit, for the estate's applications that verify Portcullis tokens with MicroProfile JWT: a test
 * issuer on loopback (its own keys, its JWKS and discovery) minting tokens shaped as Portcullis shapes them, at any
 * time and with the refusals an application must handle; an Arquillian extension that points a deployment's
 * {@code mp.jwt.verify.*} at it; and the real Portcullis WAR in a Payara Micro process, for tests that need real
 * logins. Built into {@code portcullis-<version>-testkit.jar}; never part of the WAR, and it never signs with a
 * running Portcullis's keys.
 */
package portcullis.testkit;
