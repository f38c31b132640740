package portcullis.federation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Token exchange in the Conduit dialect: {@code POST /api/users/exchange}, form-encoded as RFC 8693 asks. */
@Path("users/exchange")
@ApplicationScoped
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.APPLICATION_JSON)
public class ConduitExchangeResource {

    @Inject
    TokenExchange exchange;

    @POST
    public ConduitExchange exchange(@BeanParam ExchangeForm form) {
        return ConduitExchange.of(exchange.exchange(form.checkedSubjectToken()));
    }
}
