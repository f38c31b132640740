/** HTTP request hygiene shared by every endpoint: who is calling (the client address) and how big a body may be. */
package portcullis.requests;
