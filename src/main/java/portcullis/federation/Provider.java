package portcullis.federation;

import com.nimbusds.jose.JWSAlgorithm;
import java.net.URI;
import java.util.Optional;
import java.util.Set;
import portcullis.shadowaccounts.GroupMapping;

/**
 * A trusted identity provider, as configured under {@code portcullis.federation.<name>.}: whose tokens ({@code iss}),
 * where its keys are (its JWKS URL, or found by OIDC discovery), the audience its tokens must name for Portcullis,
 * the claim that identifies a person, and what its groups grant.
 */
record Provider(String name, String issuer, Optional<URI> jwksUrl, String audience, UserClaim userClaim,
        String groupsClaim, Set<JWSAlgorithm> algorithms, GroupMapping mapping) {

    /** How a person is identified: the provider's {@code sub} (linked once), or their verified {@code email}. */
    enum UserClaim { SUB, EMAIL }

    /** The name of the outside source of its shadow accounts (at most 32 characters, as {@code managed_by}). */
    String source() {
        return "idp:" + name;
    }

    /** Where OIDC discovery finds the provider's metadata (OpenID Connect Discovery 1.0, section 4). */
    URI discovery() {
        return URI.create(issuer.endsWith("/") ? issuer + ".well-known/openid-configuration"
                : issuer + "/.well-known/openid-configuration");
    }
}
