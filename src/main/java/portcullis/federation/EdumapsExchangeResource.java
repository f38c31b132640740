package portcullis.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import portcullis.integrations.Integrations;
import portcullis.login.EdumapsSession;
import portcullis.login.LoggedIn;
import portcullis.organisations.Organisations;

/** Token exchange in the Edumaps dialect: {@code POST /api/auth/exchange}, form-encoded as RFC 8693 asks. */
@Path("auth/exchange")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class EdumapsExchangeResource {

    @Inject
    TokenExchange exchange;

    @Inject
    Organisations organisations;

    @Inject
    Integrations integrations;

    @POST
    public EdumapsExchange exchange(@BeanParam ExchangeForm form) {
        LoggedIn loggedIn = exchange.exchange(form.checkedSubjectToken());
        long id = loggedIn.user().getId();
        EdumapsSession session = EdumapsSession.of(loggedIn, organisations.domainsOf(id), integrations.enabledBy(id));
        return EdumapsExchange.of(session, ExchangedAnswer.of(loggedIn));
    }
}
