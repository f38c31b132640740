package com.example.broken;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.jwt.JsonWebToken;

@Path("me")
@RequestScoped
public class MeResource {
    @Inject
    JsonWebToken caller;

    @GET
    public String me() {
        return caller.getName();
    }
}
