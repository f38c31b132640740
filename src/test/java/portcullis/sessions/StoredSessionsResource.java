package portcullis.sessions;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test fixture, deployed only by the tests that need it: how many session records of an account are stored. */
@Path("test/stored-sessions/{account}")
@RequestScoped
public class StoredSessionsResource {

    @PersistenceContext
    EntityManager em;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String count(@PathParam("account") long account) {
        return String.valueOf(em.createQuery("SELECT COUNT(s) FROM Session s WHERE s.accountId = :account", Long.class)
                .setParameter("account", account)
                .getSingleResult());
    }
}
