package portcullis.keys;

import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;

/** The parts of OpenID Connect Discovery a token verifier needs. */
@JsonbPropertyOrder({"issuer", "jwksUri", "signingAlgorithms", "subjectTypes", "claims"})
public record OpenIdConfiguration(
        String issuer,
        @JsonbProperty("jwks_uri") String jwksUri,
        @JsonbProperty("id_token_signing_alg_values_supported") List<String> signingAlgorithms,
        @JsonbProperty("subject_types_supported") List<String> subjectTypes,
        @JsonbProperty("claims_supported") List<String> claims) {
}
