/**
 * Every failure leaves the service as {@code {"errors":{"field":["message"]}}}: domain failures are
 * {@link portcullis.errors.ApiException}s, and one mapper per other failure family turns the rest into the same shape.
 */
package portcullis.errors;
