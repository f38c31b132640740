/**
 * Shadow accounts: the Portcullis account of a person whose password is kept elsewhere (the corporate directory, an
 * identity provider), linked for good to that source's id of the person, refreshed at each sign-in, with what the
 * source's groups grant (token groups and organisations). Used alike by the directory and the identity providers.
 */
package portcullis.shadowaccounts;
