/**
 * What an outside source's groups grant (token groups and organisations), and the sign-in of a person from such a
 * source into their shadow account with those grants. One mapping, used alike by the directory and the identity
 * providers.
 */
package portcullis.mapping;
