package portcullis.integrations;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** A catalogue entry as a user sees it: whether they enabled it. */
@JsonbPropertyOrder({"name", "displayName", "enabled"})
public record IntegrationView(String name, String displayName, boolean enabled) {

    static IntegrationView of(Integration integration, boolean enabled) {
        return new IntegrationView(integration.getName(), integration.getDisplayName(), enabled);
    }
}
