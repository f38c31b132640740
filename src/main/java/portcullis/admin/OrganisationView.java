package portcullis.admin;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import portcullis.organisations.Organisation;

/** An organisation as administrators see it. */
@JsonbPropertyOrder({"domain", "name", "createdAt", "members"})
public record OrganisationView(String domain, String name, Instant createdAt, long members) {

    static OrganisationView of(Organisation organisation, long members) {
        return new OrganisationView(organisation.getDomain(), organisation.getName(), organisation.getCreatedAt(),
                members);
    }
}
