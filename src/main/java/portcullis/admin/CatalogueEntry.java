package portcullis.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import portcullis.integrations.Integration;

/** A catalogue entry as administrators see it. */
@JsonbPropertyOrder({"name", "displayName", "createdAt"})
public record CatalogueEntry(String name, String displayName, Instant createdAt) {

    static CatalogueEntry of(Integration integration) {
        return new CatalogueEntry(integration.getName(), integration.getDisplayName(), integration.getCreatedAt());
    }
}
