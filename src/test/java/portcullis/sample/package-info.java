/**
 * A sample application of the estate, as an application team writes it: it verifies Portcullis tokens with its
 * container's MicroProfile JWT and nothing of Portcullis. Its tests use only the test kit's public API, on Payara
 * Micro and on WildFly; they are the kit's proof and its tutorial (src/site/markdown/testing-your-application.md).
 */
package portcullis.sample;
