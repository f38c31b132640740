package com.example.reports;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/** MicroProfile JWT authentication; the roles are the groups of Portcullis's tokens. */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@DeclareRoles({"user", "developer"})
public class ReportsApplication extends Application {
}
